package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Deployed} condition from the adapter Deployment's status, as Knative derives its own from a
 * Deployment: True only when the Deployment controller has observed the current generation and the desired replicas
 * are available (their readiness probe passes); Unknown while the first status or a rollout is pending; False once
 * the rollout finished or gave up and replicas are still unavailable. Pure: it only reads what it is given.
 */
public final class DeploymentAvailability {

    static final String AVAILABLE = "DeploymentAvailable";
    static final String DEPLOYING = "Deploying";
    static final String UNAVAILABLE = "MinimumReplicasUnavailable";
    /** The reason of {@code Progressing=True} once the newest ReplicaSet is complete. */
    static final String ROLLOUT_COMPLETE = "NewReplicaSetAvailable";

    private DeploymentAvailability() {
    }

    public static Condition condition(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        DeploymentStatus status = deployment.getStatus();
        Long generation = deployment.getMetadata().getGeneration();
        if (status == null || status.getObservedGeneration() == null
                || generation != null && status.getObservedGeneration() < generation) {
            return Condition.isUnknown(Condition.DEPLOYED, DEPLOYING,
                    "adapter Deployment " + name + " is applied; waiting for the Deployment controller to roll it"
                            + " out");
        }
        int desired = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
                : deployment.getSpec().getReplicas();
        int available = status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
        Optional<DeploymentCondition> availableCondition = find(status.getConditions(), "Available");
        Optional<DeploymentCondition> progressing = find(status.getConditions(), "Progressing");
        Optional<DeploymentCondition> replicaFailure = find(status.getConditions(), "ReplicaFailure");
        String counts = available + " of " + desired + (desired == 1 ? " replica" : " replicas") + " available";
        if (available >= desired && availableCondition.map(c -> !"False".equals(c.getStatus())).orElse(true)) {
            return Condition.isTrue(Condition.DEPLOYED, AVAILABLE,
                    "adapter Deployment " + name + ": " + counts);
        }
        if (replicaFailure.isPresent() && "True".equals(replicaFailure.get().getStatus())) {
            // Pods cannot even be created (quota, admission policy): the rollout will not fix itself.
            return Condition.isFalse(Condition.DEPLOYED, reason(replicaFailure.get(), "ReplicaFailure"),
                    "adapter Deployment " + name + ": " + counts + detail(replicaFailure.get()));
        }
        if (progressing.isPresent() && "False".equals(progressing.get().getStatus())) {
            return Condition.isFalse(Condition.DEPLOYED, reason(progressing.get(), "ProgressDeadlineExceeded"),
                    "adapter Deployment " + name + ": " + counts + detail(progressing.get()));
        }
        if (progressing.isPresent() && !ROLLOUT_COMPLETE.equals(progressing.get().getReason())) {
            // Still rolling out within its progress deadline: not ready, but not failed either.
            return Condition.isUnknown(Condition.DEPLOYED, DEPLOYING,
                    "adapter Deployment " + name + " is rolling out: " + counts);
        }
        return Condition.isFalse(Condition.DEPLOYED,
                availableCondition.map(c -> reason(c, UNAVAILABLE)).orElse(UNAVAILABLE),
                "adapter Deployment " + name + ": " + counts + "; the adapter is not ready (a target's GET"
                        + " /health fails, or the adapter keeps exiting), see its log");
    }

    private static Optional<DeploymentCondition> find(List<DeploymentCondition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static String reason(DeploymentCondition condition, String fallback) {
        return condition.getReason() == null || condition.getReason().isBlank() ? fallback : condition.getReason();
    }

    private static String detail(DeploymentCondition condition) {
        return condition.getMessage() == null || condition.getMessage().isBlank() ? ""
                : " (" + condition.getMessage() + ")";
    }
}
