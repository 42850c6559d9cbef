package io.triggermesh.aws.auth.serviceaccount;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What must happen so that an object's adapter can run as its ServiceAccount.
 *
 * @param serviceAccountName the {@code serviceAccountName} the adapter's pods must use, whatever the action
 * @param action what to do to the ServiceAccount
 * @param desired the full desired state for {@link Action#CREATE} and {@link Action#UPDATE}; empty for
 *     {@link Action#NONE}
 * @param warnings outcomes to surface as condition and Event; empty when all is well
 */
public record ServiceAccountPlan(
        String serviceAccountName, Action action, Optional<ServiceAccountState> desired, List<Warning> warnings) {

    /** What to do to the ServiceAccount. */
    public enum Action {
        /** It does not exist: create {@code desired}. */
        CREATE,
        /** It exists, is managed and differs from {@code desired}: write {@code desired}. */
        UPDATE,
        /** Leave it as it is: already as desired, or not managed by TriggerMesh and used as-is. */
        NONE
    }

    public ServiceAccountPlan {
        Objects.requireNonNull(serviceAccountName, "serviceAccountName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(desired, "desired");
        warnings = List.copyOf(warnings);
        if (desired.isPresent() == (action == Action.NONE)) {
            throw new IllegalArgumentException("a desired state goes with CREATE and UPDATE only, not " + action);
        }
        desired.ifPresent(state -> {
            if (!state.name().equals(serviceAccountName)) {
                throw new IllegalArgumentException(
                        "desired state names " + state.name() + " but the plan names " + serviceAccountName);
            }
        });
    }
}
