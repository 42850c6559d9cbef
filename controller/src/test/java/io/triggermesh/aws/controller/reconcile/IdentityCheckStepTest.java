package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity check's cost and its status, with a counting probe in place of STS. */
class IdentityCheckStepTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final String ARN = "arn:aws:sts::210987654321:assumed-role/xacct-role/triggermesh-default-orders";

    private final MovableClock clock = new MovableClock();
    private final List<String> calls = new ArrayList<>();
    private IdentityVerdict answer = new IdentityVerdict.Checked(ARN, "210987654321", null);
    private final IdentityCheckStep step = new IdentityCheckStep((owner, auth, sa) -> {
        calls.add(owner.name());
        return answer;
    }, new IdentityCheckStep.Settings(true, WINDOW), clock);

    private static OwnerObject owner(String name) {
        return new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSSQSSource", "default", name, "uid-" + name);
    }

    private static final AwsAuth KEYS = AwsAuth.ofCredentials(Credentials.keys(
            ValueSource.fromSecret("aws", "id"), ValueSource.fromSecret("aws", "secret")));

    @Test
    void oneStsCallPerSourcePerWindowWhateverTheObjectsAndPasses() {
        for (int pass = 0; pass < 5; pass++) {
            step.apply(owner("a"), KEYS, null, "aws@41", true);
            step.apply(owner("b"), KEYS, null, "aws@41", true);  // same Secret, same keys: same source
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(calls).hasSize(1);

        clock.advance(WINDOW);
        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(calls).as("a new window asks again").hasSize(2);
        assertThat(outcome.value()).containsEntry("checkedAt", "2026-01-01T00:15:00Z");
    }

    @Test
    void aChangedSecretResourceVersionIsCheckedAtOnce() {
        step.apply(owner("a"), KEYS, null, "aws@41", true);
        step.apply(owner("a"), KEYS, null, "aws@42", true);
        assertThat(calls).hasSize(2);
    }

    @Test
    void anotherExternalIdOrRoleIsAnotherSource() {
        AwsAuth role = AwsAuth.ofCredentials(Credentials.keys(ValueSource.fromSecret("aws", "id"),
                ValueSource.fromSecret("aws", "secret")).withAssumeRole("arn:aws:iam::210987654321:role/x",
                new AssumeRoleOptions("ext-1", "s", null)));
        AwsAuth otherId = AwsAuth.ofCredentials(role.credentials().withAssumeRole("arn:aws:iam::210987654321:role/x",
                new AssumeRoleOptions("ext-2", "s", null)));
        step.apply(owner("a"), role, null, "aws@41", true);
        step.apply(owner("a"), role, null, "aws@41", true);
        step.apply(owner("a"), otherId, null, "aws@41", true);
        step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(calls).hasSize(3);
    }

    @Test
    void unansweredChecksAreAskedAgainAfterAMinuteNotAtEveryPass() {
        answer = new IdentityVerdict.Unanswered("STS did not answer");
        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), KEYS, null, "aws@41", true);
        step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(calls).hasSize(1);
        clock.advance(IdentityCheckStep.RETRY_UNANSWERED);
        step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(calls).as("asked again well before the window ends").hasSize(2);
        assertThat(outcome.value()).containsEntry("notChecked", "STS did not answer").doesNotContainKey("identity");
        assertThat(outcome.result().requeue()).contains(IdentityCheckStep.RETRY_UNANSWERED);
        assertThat(outcome.condition()).isNull();
    }

    @Test
    void theStatusNamesModeIdentityAccountAndCheckTime() {
        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(outcome.value()).containsEntry("mode", "keys").containsEntry("identity", ARN)
                .containsEntry("account", "210987654321").containsEntry("checkedAt", "2026-01-01T00:00:00Z")
                .doesNotContainKey("expiresAt");
        assertThat(outcome.condition()).isNull();
    }

    @Test
    void theIdentityCheckIsAPipelineStepThatOnlyReadsAndReports() {
        StepOutcome<Map<String, Object>> checked = step.apply(owner("a"), KEYS, null, "aws@41", true);
        answer = new IdentityVerdict.Refused("InvalidClientTokenId", "AWS does not know the access key ID");
        StepOutcome<Map<String, Object>> refused = step.apply(owner("b"), KEYS, null, "aws@42", true);

        assertThat(List.of(checked, refused)).as("it asks AWS, never writes to the cluster")
                .allSatisfy(outcome -> assertThat(outcome.changes()).isEmpty());
        assertThat(refused.result()).isEqualTo(Result.done());
    }

    @Test
    void aRefusalTurnsCredentialsReadyFalseWithItsReason() {
        answer = new IdentityVerdict.Refused("InvalidClientTokenId", "AWS does not know the access key ID");
        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(outcome.condition().type()).isEqualTo(Condition.CREDENTIALS_READY);
        assertThat(outcome.condition().status()).isEqualTo("False");
        assertThat(outcome.condition().reason()).isEqualTo("InvalidClientTokenId");
        assertThat(outcome.value()).containsEntry("error", "InvalidClientTokenId").doesNotContainKey("identity");
    }

    @Test
    void turnedOffTheControllerNeverUsesTheCredentialsAndSaysWhy() {
        IdentityCheckStep off = new IdentityCheckStep((owner, auth, sa) -> {
            throw new AssertionError("checked although turned off");
        }, new IdentityCheckStep.Settings(false, WINDOW), clock);
        StepOutcome<Map<String, Object>> outcome = off.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(outcome.value()).containsEntry("mode", "keys").doesNotContainKey("identity");
        assertThat((String) outcome.value().get("notChecked")).startsWith("not checked")
                .contains("triggermesh.controller.identity-check=false");
    }

    @Test
    void missingSecretsAreNotChecked() {
        assertThat(step.apply(owner("a"), KEYS, null, null, false).value()).containsKey("notChecked");
        assertThat(calls).isEmpty();
    }

    @Test
    void podIdentityIsCheckedAndShowsTheAssociatedRole() {
        String associated = "arn:aws:sts::123456789012:assumed-role/orders-pod-role/eks-cluster-orders";
        answer = new IdentityVerdict.Checked(associated, "123456789012", null);
        AwsAuth podIdentity = AwsAuth.ofIam(new Iam(null, "orders", null, null));

        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), podIdentity, "orders", null, true);

        assertThat(calls).hasSize(1);
        assertThat(outcome.value()).containsEntry("mode", "pod-identity").containsEntry("identity", associated)
                .doesNotContainKey("notChecked");
        assertThat(outcome.condition()).isNull();
    }

    @Test
    void aRoleHopOnPodIdentityIsCheckedAsTheRoleItHopsTo() {
        String role = "arn:aws:iam::210987654321:role/xacct-role";
        AwsAuth hopOnPodIdentity = AwsAuth.ofIam(new Iam(null, "orders", role, null));

        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), hopOnPodIdentity, "orders", null, true);

        assertThat(outcome.value()).containsEntry("mode", "assume-role").containsEntry("identity", ARN);
        assertThat(calls).hasSize(1);
    }

    @Test
    void aServiceAccountWithoutAssociationTurnsCredentialsReadyFalse() {
        answer = new IdentityVerdict.Refused(PodIdentityFailures.NOT_ASSOCIATED, "no association");
        AwsAuth podIdentity = AwsAuth.ofIam(new Iam(null, "orders", null, null));

        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), podIdentity, "orders", null, true);

        assertThat(outcome.condition().reason()).isEqualTo("PodIdentityNotAssociated");
        assertThat(outcome.condition().status()).isEqualTo("False");
        assertThat(outcome.value()).containsEntry("error", "PodIdentityNotAssociated");
        assertThat(outcome.result().requeue()).as("no retry before the interval: not a hot loop").isEmpty();
    }

    @Test
    void aRefusalStandsWhenItsReCheckGoesUnanswered() {
        answer = new IdentityVerdict.Refused("InvalidClientTokenId", "AWS does not know the access key ID");
        step.apply(owner("a"), KEYS, null, "aws@41", true);
        clock.advance(WINDOW);
        answer = new IdentityVerdict.Unanswered("STS did not answer (throttled)");

        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(calls).hasSize(2);
        assertThat(outcome.condition()).as("Ready does not flip to True on a transient error").isNotNull();
        assertThat(outcome.condition().status()).isEqualTo("False");
        assertThat(outcome.condition().reason()).isEqualTo("InvalidClientTokenId");
        assertThat(outcome.value()).containsEntry("error", "InvalidClientTokenId")
                .containsEntry("checkedAt", "2026-01-01T00:00:00Z")
                .containsEntry("lastError", "STS did not answer (throttled)");
        assertThat(outcome.result().requeue()).contains(IdentityCheckStep.RETRY_UNANSWERED);

        clock.advance(IdentityCheckStep.RETRY_UNANSWERED);
        assertThat(step.apply(owner("a"), KEYS, null, "aws@41", true).condition())
                .as("still standing after a second unanswered re-check").isNotNull();
    }

    @Test
    void anIdentityStaysShownWhenItsReCheckGoesUnanswered() {
        step.apply(owner("a"), KEYS, null, "aws@41", true);
        clock.advance(WINDOW);
        answer = new IdentityVerdict.Unanswered("STS did not answer (timeout)");

        StepOutcome<Map<String, Object>> outcome = step.apply(owner("a"), KEYS, null, "aws@41", true);
        assertThat(outcome.value()).containsEntry("identity", ARN).containsEntry("account", "210987654321")
                .containsEntry("checkedAt", "2026-01-01T00:00:00Z")
                .containsEntry("lastError", "STS did not answer (timeout)").doesNotContainKey("notChecked");
        assertThat(outcome.condition()).isNull();

        answer = new IdentityVerdict.Checked(ARN, "210987654321", null);
        clock.advance(IdentityCheckStep.RETRY_UNANSWERED);
        assertThat(step.apply(owner("a"), KEYS, null, "aws@41", true).value())
                .as("an answer clears the error").doesNotContainKey("lastError");
    }
}
