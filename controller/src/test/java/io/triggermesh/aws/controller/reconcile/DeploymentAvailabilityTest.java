package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import org.junit.jupiter.api.Test;

class DeploymentAvailabilityTest {

    private static DeploymentBuilder deployment(long generation) {
        return new DeploymentBuilder().withNewMetadata().withName("awssqstarget-orders").withGeneration(generation)
                .endMetadata().withNewSpec().withReplicas(1).endSpec();
    }

    private static DeploymentCondition condition(String type, String status, String reason, String message) {
        return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message).build();
    }

    private static Condition deployed(Deployment deployment) {
        return DeploymentAvailability.condition(deployment);
    }

    @Test
    void justCreatedWithoutStatusIsUnknown() {
        Condition c = deployed(deployment(1).build());

        assertThat(c.status()).isEqualTo("Unknown");
        assertThat(c.reason()).isEqualTo("Deploying");
    }

    @Test
    void aGenerationTheDeploymentControllerHasNotSeenIsUnknownEvenIfTheOldOneWasAvailable() {
        Condition c = deployed(deployment(3).withNewStatus().withObservedGeneration(2L).withAvailableReplicas(1)
                .withConditions(condition("Available", "True", "MinimumReplicasAvailable", "ok")).endStatus().build());

        assertThat(c.status()).isEqualTo("Unknown");
    }

    @Test
    void allDesiredReplicasUpdatedAndAvailableIsTrue() {
        Condition c = deployed(deployment(2).withNewStatus().withObservedGeneration(2L).withReplicas(1)
                .withUpdatedReplicas(1).withAvailableReplicas(1)
                .withConditions(condition("Available", "True", "MinimumReplicasAvailable", "ok"),
                        condition("Progressing", "True", "NewReplicaSetAvailable", "done"))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("True");
        assertThat(c.reason()).isEqualTo("DeploymentAvailable");
        assertThat(c.message()).contains("1 of 1 replica available");
    }

    @Test
    void aRolloutInProgressWithoutAvailableReplicasIsUnknownAndSaysHowMany() {
        Condition c = deployed(deployment(1).withNewStatus().withObservedGeneration(1L).withAvailableReplicas(0)
                .withConditions(condition("Available", "False", "MinimumReplicasUnavailable", "not yet"),
                        condition("Progressing", "True", "ReplicaSetUpdated", "progressing"))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("Unknown");
        assertThat(c.message()).contains("rollout in progress: 0 of 1 updated replica available");
    }

    @Test
    void anOldPodStillAvailableWhileTheNewOneNeverGetsReadyIsNotTrue() {
        // One replica, default RollingUpdate: maxUnavailable rounds to 0, so the old pod keeps serving.
        Condition c = deployed(deployment(2).withNewStatus().withObservedGeneration(2L).withReplicas(2)
                .withUpdatedReplicas(1).withAvailableReplicas(1).withUnavailableReplicas(1)
                .withConditions(condition("Available", "True", "MinimumReplicasAvailable", "ok"),
                        condition("Progressing", "True", "ReplicaSetUpdated", "progressing"))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("Unknown");
        assertThat(c.reason()).isEqualTo("Deploying");
        assertThat(c.message()).contains("rollout in progress: 0 of 1 updated replica available",
                "1 old replica still running");
    }

    @Test
    void aRolloutPastItsDeadlineIsFalseEvenWhileTheOldPodIsAvailable() {
        Condition c = deployed(deployment(2).withNewStatus().withObservedGeneration(2L).withReplicas(2)
                .withUpdatedReplicas(1).withAvailableReplicas(1).withUnavailableReplicas(1)
                .withConditions(condition("Available", "True", "MinimumReplicasAvailable", "ok"),
                        condition("Progressing", "False", "ProgressDeadlineExceeded",
                                "ReplicaSet \"x\" has timed out progressing."))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("False");
        assertThat(c.reason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(c.message()).contains("0 of 1 updated replica available", "has timed out progressing");
    }

    @Test
    void aNewReplicaSetWithoutPodsYetIsUnknownAlthoughTheOldPodIsAvailable() {
        Condition c = deployed(deployment(2).withNewStatus().withObservedGeneration(2L).withReplicas(1)
                .withUpdatedReplicas(0).withAvailableReplicas(1)
                .withConditions(condition("Available", "True", "MinimumReplicasAvailable", "ok"),
                        condition("Progressing", "True", "NewReplicaSetCreated", "created"))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("Unknown");
        assertThat(c.message()).contains("0 updated so far", "1 old replica still running");
    }

    @Test
    void oldPodsPendingTerminationAfterAllUpdatedAreAvailableIsStillUnknown() {
        Condition c = deployed(deployment(2).withNewStatus().withObservedGeneration(2L).withReplicas(2)
                .withUpdatedReplicas(1).withAvailableReplicas(2)
                .withConditions(condition("Available", "True", "MinimumReplicasAvailable", "ok"),
                        condition("Progressing", "True", "ReplicaSetUpdated", "progressing"))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("Unknown");
        assertThat(c.message()).contains("1 of 1 updated replica available", "1 old replica still running");
    }

    @Test
    void anAdapterThatStoppedPassingItsReadinessProbeIsFalseWithTheDeploymentsReason() {
        Condition c = deployed(deployment(1).withNewStatus().withObservedGeneration(1L).withReplicas(1)
                .withUpdatedReplicas(1).withAvailableReplicas(0)
                .withConditions(condition("Available", "False", "MinimumReplicasUnavailable",
                                "Deployment does not have minimum availability."),
                        condition("Progressing", "True", "NewReplicaSetAvailable", "done"))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("False");
        assertThat(c.reason()).isEqualTo("MinimumReplicasUnavailable");
        assertThat(c.message()).contains("awssqstarget-orders", "0 of 1 replica available", "/health");
    }

    @Test
    void aRolloutPastItsDeadlineIsFalseWithProgressDeadlineExceeded() {
        Condition c = deployed(deployment(1).withNewStatus().withObservedGeneration(1L)
                .withConditions(condition("Available", "False", "MinimumReplicasUnavailable", "no"),
                        condition("Progressing", "False", "ProgressDeadlineExceeded",
                                "ReplicaSet \"x\" has timed out progressing."))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("False");
        assertThat(c.reason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(c.message()).contains("has timed out progressing");
    }

    @Test
    void podsThatCannotBeCreatedAreFalseWithTheReplicaFailure() {
        Condition c = deployed(deployment(1).withNewStatus().withObservedGeneration(1L)
                .withConditions(condition("ReplicaFailure", "True", "FailedCreate",
                                "pods \"x\" is forbidden: exceeded quota: compute"),
                        condition("Progressing", "True", "ReplicaSetUpdated", "progressing"))
                .endStatus().build());

        assertThat(c.status()).isEqualTo("False");
        assertThat(c.reason()).isEqualTo("FailedCreate");
        assertThat(c.message()).contains("exceeded quota");
    }
}
