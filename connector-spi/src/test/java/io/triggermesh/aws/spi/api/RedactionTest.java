package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aUriForDisplayKeepsNeitherUserInfoNorQueryNorFragment() {
        assertThat(Redaction.uriForDisplay("https://hooks.example.com/in?token=s3cr3t-t0ken&team=a"))
                .isEqualTo("https://hooks.example.com/in?***");
        assertThat(Redaction.uriForDisplay("https://user:pw@hooks.example.com/in#token=s3cr3t"))
                .isEqualTo("https://***@hooks.example.com/in#***");
        assertThat(Redaction.uriForDisplay("http://broker-ingress.knative-eventing.svc.cluster.local/ns/default"))
                .isEqualTo("http://broker-ingress.knative-eventing.svc.cluster.local/ns/default");
        assertThat(Redaction.uriForDisplay(null)).isNull();
    }

    @Test
    void userInfoAloneIsMaskedWithoutTouchingTheRest() {
        assertThat(Redaction.uriWithoutUserInfo("https://user:pw@example.com/p?q=1"))
                .isEqualTo("https://***@example.com/p?q=1");
    }
}
