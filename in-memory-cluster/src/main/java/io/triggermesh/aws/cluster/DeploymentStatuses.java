package io.triggermesh.aws.cluster;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The Deployment status a cluster's kubelet and Deployment controller would write for one replica. The in-memory API
 * runs neither, so whoever plays them writes this: local mode from each adapter process's health, the controller's
 * integration tests from what the test holds.
 */
public final class DeploymentStatuses {

    /** What the one "pod" looks like now. */
    public enum State {
        /** No process (waiting for a Secret) or a process that does not answer yet: the rollout is in progress. */
        STARTING,
        /** Running and healthy. */
        AVAILABLE,
        /** Running but unhealthy (a target's /health answers non-200), or exited: the rollout is done, not ready. */
        UNAVAILABLE
    }

    private DeploymentStatuses() {
    }

    /**
     * The status a Deployment controller would write for one replica in {@code state}: {@code Available} and
     * {@code Progressing} conditions and the replica counts, with {@code observedGeneration} current.
     */
    public static DeploymentStatus status(Deployment deployment, State state, Instant now) {
        Long generation = deployment.getMetadata().getGeneration();
        boolean available = state == State.AVAILABLE;
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        DeploymentCondition availableCondition = new DeploymentConditionBuilder().withType("Available")
                .withStatus(available ? "True" : "False")
                .withReason(available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
                .withMessage(available ? "Deployment has minimum availability."
                        : "Deployment does not have minimum availability.")
                .withLastTransitionTime(time).withLastUpdateTime(time).build();
        boolean rolledOut = state != State.STARTING;
        DeploymentCondition progressing = new DeploymentConditionBuilder().withType("Progressing")
                .withStatus("True")
                .withReason(rolledOut ? "NewReplicaSetAvailable" : "ReplicaSetUpdated")
                .withMessage(rolledOut ? "the local adapter process is running" : "the local adapter is starting")
                .withLastTransitionTime(time).withLastUpdateTime(time).build();
        return new DeploymentStatusBuilder()
                .withObservedGeneration(generation == null ? 1L : generation)
                .withReplicas(1).withUpdatedReplicas(1)
                .withReadyReplicas(available ? 1 : 0).withAvailableReplicas(available ? 1 : 0)
                .withUnavailableReplicas(available ? 0 : 1)
                .withConditions(List.of(availableCondition, progressing))
                .build();
    }
}
