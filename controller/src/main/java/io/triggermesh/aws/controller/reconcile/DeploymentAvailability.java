package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Deployed} condition from the adapter Deployment's status, judged the way {@code kubectl rollout status}
 * judges a rollout: True only when the Deployment controller has observed the current generation, the rollout has
 * not exceeded its progress deadline, every desired replica runs the current pod template ({@code updatedReplicas}),
 * no pod of an older ReplicaSet is left ({@code replicas == updatedReplicas}) and the updated replicas are available
 * (their readiness probe passes). {@code availableReplicas} alone is not enough: with one replica and the default
 * RollingUpdate (maxUnavailable rounds down to 0) the old pod stays available while a new pod that never gets ready
 * (its {@code /health} answers 503, an override that crash-loops) keeps the rollout from finishing. Unknown while the
 * first status or a rollout is pending; False once the rollout gave up or finished with replicas unavailable. Pure:
 * it only reads what it is given.
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
        int available = count(status.getAvailableReplicas());
        int updated = count(status.getUpdatedReplicas());
        int old = Math.max(0, count(status.getReplicas()) - updated);
        Optional<DeploymentCondition> availableCondition = find(status.getConditions(), "Available");
        Optional<DeploymentCondition> progressing = find(status.getConditions(), "Progressing");
        Optional<DeploymentCondition> replicaFailure = find(status.getConditions(), "ReplicaFailure");
        String counts = available + " of " + desired + replicas(desired) + " available";
        if (progressing.isPresent() && "False".equals(progressing.get().getStatus())) {
            // The rollout gave up, whatever an old ReplicaSet's pods still serve: checked before the counts.
            return Condition.isFalse(Condition.DEPLOYED, reason(progressing.get(), "ProgressDeadlineExceeded"),
                    "adapter Deployment " + name + ": " + rollout(desired, updated, old, available)
                            + detail(progressing.get()));
        }
        boolean rolledOut = updated >= desired && old == 0;
        if (rolledOut && available >= Math.max(desired, updated)
                && availableCondition.map(c -> !"False".equals(c.getStatus())).orElse(true)) {
            return Condition.isTrue(Condition.DEPLOYED, AVAILABLE,
                    "adapter Deployment " + name + ": " + counts);
        }
        if (replicaFailure.isPresent() && "True".equals(replicaFailure.get().getStatus())) {
            // Pods cannot even be created (quota, admission policy): the rollout will not fix itself.
            return Condition.isFalse(Condition.DEPLOYED, reason(replicaFailure.get(), "ReplicaFailure"),
                    "adapter Deployment " + name + ": " + counts + detail(replicaFailure.get()));
        }
        if (!rolledOut || progressing.isPresent() && !ROLLOUT_COMPLETE.equals(progressing.get().getReason())) {
            // Still rolling out within its progress deadline: not ready, but not failed either.
            return Condition.isUnknown(Condition.DEPLOYED, DEPLOYING,
                    "adapter Deployment " + name + ": " + rollout(desired, updated, old, available));
        }
        return Condition.isFalse(Condition.DEPLOYED,
                availableCondition.map(c -> reason(c, UNAVAILABLE)).orElse(UNAVAILABLE),
                "adapter Deployment " + name + ": " + counts + "; the adapter is not ready (a target's GET"
                        + " /health fails, or the adapter keeps exiting), see its log");
    }

    /**
     * How far a rollout got. The status counts available pods of all ReplicaSets, so the updated ones available are
     * what is left after the old pods: exact while the old pods stay available (maxUnavailable 0), otherwise a lower
     * bound.
     */
    private static String rollout(int desired, int updated, int old, int available) {
        int updatedAvailable = Math.min(updated, Math.max(0, available - old));
        return "rollout in progress: " + updatedAvailable + " of " + desired + " updated" + replicas(desired)
                + " available" + (updated < desired ? " (" + updated + " updated so far)" : "")
                + (old > 0 ? ", " + old + " old" + replicas(old) + " still running" : "");
    }

    private static int count(Integer replicas) {
        return replicas == null ? 0 : replicas;
    }

    private static String replicas(int n) {
        return n == 1 ? " replica" : " replicas";
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
