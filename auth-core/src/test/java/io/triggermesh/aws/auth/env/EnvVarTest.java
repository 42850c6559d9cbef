package io.triggermesh.aws.auth.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.SecretKeyRef;
import io.triggermesh.aws.spi.AdapterEnv;
import org.junit.jupiter.api.Test;

class EnvVarTest {

    @Test
    void needsExactlyOneOfValueAndSecretRef() {
        assertThatThrownBy(() -> new EnvVar("X", "v", new SecretKeyRef("s", "k")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnvVar("X", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialVariablesRefusePlainValuesWithoutEchoingThem() {
        for (String name : new String[] {AdapterEnv.AWS_ACCESS_KEY_ID, AdapterEnv.AWS_SECRET_ACCESS_KEY,
                AdapterEnv.AWS_SESSION_TOKEN}) {
            assertThatThrownBy(() -> EnvVar.plain(name, "canary-value"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name)
                    .hasMessageNotContaining("canary-value");
        }
    }

    @Test
    void toStringShowsSecretReferencesButNoPlainValue() {
        assertThat(EnvVar.plain("SINK_TOKEN", "canary-value").toString())
                .contains("SINK_TOKEN").doesNotContain("canary-value");
        assertThat(EnvVar.fromSecret(AdapterEnv.AWS_ACCESS_KEY_ID, "aws", "id").toString())
                .contains("aws/id");
    }
}
