package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.serviceaccount.ReleasePlan;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountNames;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlan;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountPlanner;
import io.triggermesh.aws.auth.serviceaccount.Warning;
import io.triggermesh.aws.controller.kube.ServiceAccounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ServiceAccount step: auth-core's plan turned into the write that creates or updates the object's
 * ServiceAccount (never an unmanaged one), and the release of ServiceAccounts the object no longer uses.
 */
final class ServiceAccountStep {

    private final KubernetesClient client;

    ServiceAccountStep(KubernetesClient client) {
        this.client = client;
    }

    /**
     * The plan for the ServiceAccount {@code owner}'s adapter runs as, read against {@code cluster}: a new one is
     * created from the plan, a managed one is the existing object with the plan's fields set (everything else it
     * carries, such as imagePullSecrets, stays), an unmanaged one is not written. Its warnings become a
     * ServiceAccountReady=False condition of severity Warning.
     */
    static StepOutcome<ServiceAccountPlan> desired(OwnerObject owner, Iam iam, Cluster cluster) {
        String name = ServiceAccountNames.serviceAccountName(owner, iam);
        ServiceAccount existing = cluster.get(ServiceAccount.class, owner.namespace(), name);
        ServiceAccountPlan plan = ServiceAccountPlanner.plan(owner, iam,
                Optional.ofNullable(existing).map(ServiceAccounts::state));
        List<Change> changes = switch (plan.action()) {
            case CREATE -> List.of(Change.create(ServiceAccounts.create(owner.namespace(),
                    plan.desired().orElseThrow())));
            case UPDATE -> List.of(Change.update(ServiceAccounts.applyTo(existing, plan.desired().orElseThrow())));
            // Unchanged (kept as it is), or unmanaged: used as it is and never written.
            case NONE -> existing != null && ServiceAccounts.state(existing).isManaged()
                    ? List.of(Change.keep(existing)) : List.of();
        };
        return StepOutcome.of(plan, condition(plan), Result.done(), changes);
    }

    /**
     * Releases every managed ServiceAccount that references {@code owner} except {@code keep} (may be null): deletes
     * it when {@code owner} was its only user, else removes {@code owner}'s reference. A release the API server
     * refuses for good ({@link ApiRejection}) does not stop the others; it is returned as a message naming the
     * ServiceAccount and what was refused, for the caller to report and retry with backoff. Other API errors
     * (conflicts, server errors) are thrown, as for every write.
     *
     * @return the refused releases, empty when every release was written
     */
    List<String> releaseOthers(OwnerObject owner, String keep) {
        List<String> refused = new ArrayList<>();
        List<ServiceAccount> managed = new ArrayList<>();
        // Both label keys count as managed (the guide names one, the original code wrote the other).
        for (String label : List.of(ServiceAccountConventions.MANAGED_BY_LABEL,
                ServiceAccountConventions.LEGACY_MANAGED_BY_LABEL)) {
            managed.addAll(client.serviceAccounts().inNamespace(owner.namespace())
                    .withLabel(label, ServiceAccountConventions.MANAGED_BY_VALUE).list().getItems());
        }
        Set<String> seen = new HashSet<>();
        for (ServiceAccount sa : managed) {
            if (!seen.add(sa.getMetadata().getName())) {
                continue;
            }
            if (sa.getMetadata().getName().equals(keep) || !referencesOwner(sa, owner)) {
                continue;
            }
            ReleasePlan release = ServiceAccountPlanner.release(owner, ServiceAccounts.state(sa));
            if (release.action() == ReleasePlan.Action.NONE) {
                continue;
            }
            boolean delete = release.action() == ReleasePlan.Action.DELETE;
            try {
                if (delete) {
                    client.resource(sa).delete();
                } else {
                    client.resource(ServiceAccounts.applyTo(sa, release.desired().orElseThrow())).update();
                }
            } catch (KubernetesClientException e) {
                if (!ApiRejection.is(e)) {
                    throw e;
                }
                String name = sa.getMetadata().getName();
                String what = delete ? "delete ServiceAccount " + name
                        : "remove the reference to " + owner.displayName() + " from ServiceAccount " + name;
                refused.add(ApiRejection.message(what + " in namespace " + owner.namespace() + ", which "
                        + owner.displayName() + " no longer uses", e, true));
            }
        }
        return refused;
    }

    static Condition condition(ServiceAccountPlan plan) {
        if (plan.warnings().isEmpty()) {
            return Condition.isTrue(Condition.SERVICE_ACCOUNT_READY, "ServiceAccountReady",
                    "the adapter runs as ServiceAccount " + plan.serviceAccountName());
        }
        Warning first = plan.warnings().get(0);
        // A warning, not an error: the adapter runs (as the role the message names); whether it works shows in
        // Deployed, which follows its health. Ready is not turned False for it.
        return Condition.warning(Condition.SERVICE_ACCOUNT_READY, first.reason(),
                plan.warnings().stream().map(Warning::message).collect(Collectors.joining(" ")));
    }

    private static boolean referencesOwner(ServiceAccount sa, OwnerObject owner) {
        return sa.getMetadata().getOwnerReferences() != null && sa.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> owner.uid().equals(ref.getUid()));
    }
}
