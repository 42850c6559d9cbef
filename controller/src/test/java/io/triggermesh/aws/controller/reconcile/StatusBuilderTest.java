package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusBuilderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static StatusBuilder builder() {
        return new StatusBuilder(Map.of(), 1, CLOCK);
    }

    @Test
    void readyIsTrueWhenEveryConditionHolds() {
        Condition ready = builder().condition(Condition.isTrue("CredentialsReady", "SecretsFound", "ok"))
                .condition(Condition.isTrue("Deployed", "DeploymentAvailable", "1 of 1")).ready("it is ready");

        assertThat(ready.status()).isEqualTo("True");
        assertThat(ready.reason()).isEqualTo("Ready");
    }

    @Test
    void aWarningDoesNotTurnReadyFalse() {
        Condition ready = builder()
                .condition(Condition.warning("ServiceAccountReady", "UnmanagedServiceAccountRoleMismatch", "mismatch"))
                .condition(Condition.isTrue("Deployed", "DeploymentAvailable", "1 of 1")).ready("it is ready");

        assertThat(ready.status()).isEqualTo("True");
    }

    @Test
    void theFirstFailingErrorDecidesEvenAfterAWarning() {
        Condition ready = builder()
                .condition(Condition.warning("ServiceAccountReady", "NoRoleArn", "no role"))
                .condition(Condition.isFalse("CredentialsReady", "SecretKeyNotFound", "key id of Secret aws"))
                .condition(Condition.isFalse("Deployed", "MinimumReplicasUnavailable", "0 of 1")).ready("ready");

        assertThat(ready.status()).isEqualTo("False");
        assertThat(ready.reason()).isEqualTo("SecretKeyNotFound");
        assertThat(ready.message()).isEqualTo("key id of Secret aws");
    }

    @Test
    void anUnknownConditionMakesReadyUnknownNotFalse() {
        Condition ready = builder().condition(Condition.isTrue("CredentialsReady", "SecretsFound", "ok"))
                .condition(Condition.isUnknown("Deployed", "Deploying", "rolling out")).ready("ready");

        assertThat(ready.status()).isEqualTo("Unknown");
        assertThat(ready.reason()).isEqualTo("Deploying");
    }

    @Test
    void aWarningIsRenderedWithItsSeverityAndReadBackTheSame() {
        StatusBuilder builder = builder().condition(Condition.warning("ServiceAccountReady", "NoRoleArn", "no role"));
        Map<String, Object> status = builder.build("ready");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) status.get("conditions");
        assertThat(conditions.get(0)).containsEntry("type", "Ready").containsEntry("status", "True")
                .doesNotContainKey("severity");
        assertThat(conditions.get(1)).containsEntry("type", "ServiceAccountReady").containsEntry("status", "False")
                .containsEntry("severity", "Warning");
        // Built again from its own output, nothing differs, so a steady object writes no status.
        StatusBuilder again = new StatusBuilder(status, 1, CLOCK)
                .condition(Condition.warning("ServiceAccountReady", "NoRoleArn", "no role"));
        assertThat(again.differs(again.build("ready"))).isFalse();
    }
}
