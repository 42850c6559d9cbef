package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.triggermesh.aws.auth.model.OwnerObject;
import java.time.Duration;
import java.util.List;

/**
 * Whether an existing Deployment, Service or Secret the controller is about to update belongs to the object being
 * reconciled. Only an ownerReference with {@code controller: true} and the object's uid counts: a name match proves
 * nothing (another connector object, a user's own Deployment, or an object deleted and recreated under the same
 * name), and overwriting such an object would make two owners fight over it. The object in the way is left
 * untouched and reported with reason {@value #REASON} (see docs/architecture.md, "Names of owned objects").
 */
final class Ownership {

    static final String REASON = "NotOwned";
    /** No hot retry: the user has to rename or delete something first, and a resync would find that too. */
    static final Duration RECHECK = Duration.ofMinutes(1);

    private Ownership() {
    }

    /** Whether {@code existing} has a controller ownerReference to {@code owner}'s uid. */
    static boolean controlledBy(HasMetadata existing, OwnerObject owner) {
        List<OwnerReference> references = existing.getMetadata().getOwnerReferences();
        return references != null && references.stream()
                .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && owner.uid().equals(r.getUid()));
    }

    /** The False condition of {@code type} naming the object in the way ({@code Kind/name}) and its controller. */
    static Condition notOwned(String type, HasMetadata existing, OwnerObject owner) {
        String kind = existing.getKind() == null ? existing.getClass().getSimpleName() : existing.getKind();
        String inTheWay = kind + "/" + existing.getMetadata().getName();
        return Condition.isFalse(type, REASON, inTheWay + " in namespace " + owner.namespace()
                + " already exists and is not controlled by " + owner.displayName() + " (" + controller(existing)
                + "), so the controller leaves it untouched; delete or rename " + inTheWay
                + " and this object takes the name over");
    }

    /** The outcome of a step that found {@code existing} in the way: no write, a condition, a check in a minute. */
    static <T> StepOutcome<T> outcome(String type, HasMetadata existing, OwnerObject owner) {
        return StepOutcome.blocked(notOwned(type, existing, owner), Result.requeueAfter(RECHECK));
    }

    private static String controller(HasMetadata existing) {
        List<OwnerReference> references = existing.getMetadata().getOwnerReferences();
        return references == null ? "it has no controller" : references.stream()
                .filter(r -> Boolean.TRUE.equals(r.getController()))
                .map(r -> "its controller is " + r.getKind() + "/" + r.getName())
                .findFirst().orElse("it has no controller");
    }
}
