package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Dns1123Test {

    @Test
    void patternsAreKubernetesOwn() {
        // k8s.io/apimachinery/pkg/util/validation: dns1123LabelFmt and dns1123SubdomainFmt; the CRDs carry these.
        assertThat(Dns1123.LABEL).isEqualTo("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(Dns1123.SUBDOMAIN_PATTERN)
                .isEqualTo("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    }

    @Test
    void labelsAreAtMost63LowercaseAlphanumericsAndDashes() {
        assertThat(Dns1123.isLabel("a")).isTrue();
        assertThat(Dns1123.isLabel("a-1")).isTrue();
        assertThat(Dns1123.isLabel("a".repeat(63))).isTrue();
        assertThat(Dns1123.isLabel("a".repeat(64))).isFalse();
        assertThat(Dns1123.isLabel("a.b")).isFalse();
        assertThat(Dns1123.isLabel("-a")).isFalse();
        assertThat(Dns1123.isLabel("A")).isFalse();
        assertThat(Dns1123.isLabel("")).isFalse();
        assertThat(Dns1123.isLabel(null)).isFalse();
    }

    @Test
    void subdomainsAreAtMost253CharactersOfDotSeparatedLabels() {
        assertThat(Dns1123.isSubdomain("a.b-c.d")).isTrue();
        assertThat(Dns1123.isSubdomain("a".repeat(253))).isTrue();
        assertThat(Dns1123.isSubdomain("a".repeat(254))).isFalse();
        assertThat(Dns1123.isSubdomain("a..b")).isFalse();
        assertThat(Dns1123.isSubdomain("a-.b")).isFalse();
        assertThat(Dns1123.isSubdomain("a.")).isFalse();
        assertThat(Dns1123.isSubdomain("a_b")).isFalse();
        assertThat(Dns1123.isSubdomain(null)).isFalse();
    }
}
