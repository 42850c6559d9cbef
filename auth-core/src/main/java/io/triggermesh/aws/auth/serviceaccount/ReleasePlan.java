package io.triggermesh.aws.auth.serviceaccount;

import java.util.Objects;
import java.util.Optional;

/**
 * What happens to a ServiceAccount when an object stops using it (deleted, switched to access keys, or pointed at
 * another {@code serviceAccount}).
 *
 * <p>Alike in shape to {@link ServiceAccountPlan}; kept apart because releasing and ensuring have different actions
 * (DELETE here, CREATE there) and different checks on {@code desired}, and one plan type with the union of both
 * would let the reconciler ask for a delete while ensuring.
 *
 * @param serviceAccountName the ServiceAccount concerned
 * @param action what to do to it
 * @param desired the full desired state for {@link Action#UPDATE}; empty otherwise
 */
public record ReleasePlan(String serviceAccountName, Action action, Optional<ServiceAccountState> desired) {

    /** What to do to the ServiceAccount. */
    public enum Action {
        /** Other owners remain: write {@code desired}, which no longer references this object. */
        UPDATE,
        /** This object was its last owner: delete it. */
        DELETE,
        /** Not managed by TriggerMesh, or this object was not among its owners: leave it alone. */
        NONE
    }

    public ReleasePlan {
        Objects.requireNonNull(serviceAccountName, "serviceAccountName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(desired, "desired");
        if (desired.isPresent() != (action == Action.UPDATE)) {
            throw new IllegalArgumentException("a desired state goes with UPDATE only, not " + action);
        }
    }
}
