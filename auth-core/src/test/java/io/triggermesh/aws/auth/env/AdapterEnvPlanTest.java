package io.triggermesh.aws.auth.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.spi.AdapterEnv;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdapterEnvPlanTest {

    @Test
    void referencedSecretNamesAreSortedAndDistinct() {
        AdapterEnvPlan plan = new AdapterEnvPlan(List.of(
                EnvVar.fromSecret(AdapterEnv.AWS_SECRET_ACCESS_KEY, "zeta", "k"),
                EnvVar.fromSecret(AdapterEnv.AWS_ACCESS_KEY_ID, "alpha", "k"),
                EnvVar.fromSecret(AdapterEnv.AWS_SESSION_TOKEN, "zeta", "t"),
                EnvVar.plain(AdapterEnv.AWS_ASSUME_ROLE_ARN, "arn")), Optional.empty());

        assertThat(plan.referencedSecretNames()).containsExactly("alpha", "zeta");
    }

    @Test
    void duplicateVariableNamesAreRefused() {
        assertThatThrownBy(() -> new AdapterEnvPlan(List.of(EnvVar.plain("A", "1"), EnvVar.plain("A", "2")),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
