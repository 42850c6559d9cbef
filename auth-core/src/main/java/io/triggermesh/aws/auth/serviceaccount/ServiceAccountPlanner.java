package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions.MANAGED_BY_LABEL;
import static io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions.MANAGED_BY_VALUE;
import static io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions.ROLE_ARN_ANNOTATION;

import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans the ServiceAccount of an IRSA adapter, following "Customizing the Kubernetes Service Account used by
 * TriggerMesh" on the AWS credentials page. Pure functions: same input, same plan; applying a plan and planning again
 * yields {@link ServiceAccountPlan.Action#NONE}.
 *
 * <ul>
 *   <li>Absent: created with {@code app.kubernetes.io/managed-by: triggermesh-controller}, a non-controller owner
 *       reference to the object, and the role annotation when {@code roleArn} is set.</li>
 *   <li>Managed (either {@code managed-by} label is {@code triggermesh-controller}): the object joins the owner
 *       references (existing order kept, appended when new, never twice); everything else others put there stays.</li>
 *   <li>Not managed: left exactly as it is, and still used by the adapter.</li>
 *   <li>{@code eks.amazonaws.com/role-arn} is written only on a managed ServiceAccount whose only owner is this
 *       object: set to {@code roleArn}, or removed when {@code roleArn} is absent so no stale role lingers. A
 *       hand-written role annotation on such a ServiceAccount is therefore replaced; annotate an unmanaged one
 *       instead.</li>
 *   <li>Where the controller must not write the annotation and it does not match, the plan carries a
 *       {@link Warning} instead of ignoring it.</li>
 * </ul>
 */
public final class ServiceAccountPlanner {

    private ServiceAccountPlanner() {
    }

    /**
     * Plans the ServiceAccount {@code owner}'s adapter runs as.
     *
     * @param owner the connector object
     * @param iam its {@code spec.auth.iam} block
     * @param existing the ServiceAccount named {@link ServiceAccountNames#serviceAccountName} in the object's
     *     namespace as read from the cluster, or empty when there is none
     * @throws IllegalArgumentException when {@code existing} has another name, or the explicit name is invalid
     */
    public static ServiceAccountPlan plan(OwnerObject owner, Iam iam, Optional<ServiceAccountState> existing) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(iam, "iam");
        Objects.requireNonNull(existing, "existing");
        String name = ServiceAccountNames.serviceAccountName(owner, iam);
        String roleArn = iam.roleArn() == null || iam.roleArn().isBlank() ? null : iam.roleArn();
        if (existing.isEmpty()) {
            return create(owner, name, roleArn);
        }
        ServiceAccountState current = existing.get();
        if (!current.name().equals(name)) {
            throw new IllegalArgumentException("the existing ServiceAccount is " + current.name() + " but "
                    + owner.displayName() + " runs as " + name);
        }
        return current.isManaged() ? joinManaged(owner, roleArn, current) : useUnmanaged(owner, roleArn, current);
    }

    /**
     * Plans what happens to {@code existing} when {@code owner} stops using it: a managed ServiceAccount loses this
     * object's owner reference and is deleted when no owner remains; an unmanaged one, or one this object does not
     * own, is never touched. A remaining single owner sets the role annotation on its own next reconcile.
     */
    public static ReleasePlan release(OwnerObject owner, ServiceAccountState existing) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(existing, "existing");
        String name = existing.name();
        if (!existing.isManaged()) {
            return new ReleasePlan(name, ReleasePlan.Action.NONE, Optional.empty());
        }
        List<OwnerRef> remaining =
                existing.ownerReferences().stream().filter(ref -> !ref.refersTo(owner)).toList();
        if (remaining.size() == existing.ownerReferences().size()) {
            // Not ours to release: deleting an ownerless SA we never owned would destroy someone else's.
            return new ReleasePlan(name, ReleasePlan.Action.NONE, Optional.empty());
        }
        if (remaining.isEmpty()) {
            return new ReleasePlan(name, ReleasePlan.Action.DELETE, Optional.empty());
        }
        ServiceAccountState desired = existing.toBuilder().ownerReferences(remaining).build();
        return new ReleasePlan(name, ReleasePlan.Action.UPDATE, Optional.of(desired));
    }

    private static ServiceAccountPlan create(OwnerObject owner, String name, String roleArn) {
        ServiceAccountState.Builder desired = ServiceAccountState.builder(name)
                .label(MANAGED_BY_LABEL, MANAGED_BY_VALUE)
                .ownerReference(OwnerRef.of(owner));
        List<Warning> warnings = new ArrayList<>();
        if (roleArn != null) {
            desired.annotation(ROLE_ARN_ANNOTATION, roleArn);
        } else {
            warnings.add(Warnings.noRoleArn(owner, name));
        }
        return new ServiceAccountPlan(name, ServiceAccountPlan.Action.CREATE, Optional.of(desired.build()), warnings);
    }

    private static ServiceAccountPlan joinManaged(OwnerObject owner, String roleArn, ServiceAccountState current) {
        List<OwnerRef> owners = withOwner(current.ownerReferences(), owner);
        ServiceAccountState.Builder desired = current.toBuilder().ownerReferences(owners);
        String annotated = current.roleArnAnnotation().orElse(null);
        List<Warning> warnings = new ArrayList<>();
        if (owners.size() == 1) {
            if (roleArn != null) {
                desired.annotation(ROLE_ARN_ANNOTATION, roleArn);
            } else {
                desired.withoutAnnotation(ROLE_ARN_ANNOTATION);
                warnings.add(Warnings.noRoleArn(owner, current.name()));
            }
        } else if (roleArn != null && !roleArn.equals(annotated)) {
            warnings.add(Warnings.roleArnConflict(owner, current.name(), owners, roleArn, annotated));
        } else if (roleArn == null && annotated == null) {
            warnings.add(Warnings.noRoleArn(owner, current.name()));
        }
        ServiceAccountState next = desired.build();
        if (next.equals(current)) {
            return new ServiceAccountPlan(current.name(), ServiceAccountPlan.Action.NONE, Optional.empty(), warnings);
        }
        return new ServiceAccountPlan(current.name(), ServiceAccountPlan.Action.UPDATE, Optional.of(next), warnings);
    }

    private static ServiceAccountPlan useUnmanaged(OwnerObject owner, String roleArn, ServiceAccountState current) {
        String annotated = current.roleArnAnnotation().orElse(null);
        List<Warning> warnings = new ArrayList<>();
        if (roleArn != null && !roleArn.equals(annotated)) {
            warnings.add(Warnings.unmanagedRoleMismatch(owner, current.name(), roleArn, annotated));
        } else if (roleArn == null && annotated == null) {
            warnings.add(Warnings.noRoleArn(owner, current.name()));
        }
        return new ServiceAccountPlan(current.name(), ServiceAccountPlan.Action.NONE, Optional.empty(), warnings);
    }

    /**
     * {@code refs} with this object's canonical reference in the place of its first existing one (dropping any
     * duplicate), or appended when it had none. Keeping the existing order makes the result stable, so a shared
     * ServiceAccount is not rewritten on every pass as the original's random order did.
     */
    private static List<OwnerRef> withOwner(List<OwnerRef> refs, OwnerObject owner) {
        OwnerRef ours = OwnerRef.of(owner);
        List<OwnerRef> merged = new ArrayList<>(refs.size() + 1);
        boolean placed = false;
        for (OwnerRef ref : refs) {
            if (!ref.refersTo(owner)) {
                merged.add(ref);
            } else if (!placed) {
                merged.add(ours);
                placed = true;
            }
        }
        if (!placed) {
            merged.add(ours);
        }
        return merged;
    }
}
