package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterInput;
import io.triggermesh.aws.controller.desired.AdapterNames;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The adapter Deployment (and a target's Service) as writes. Each carries a digest of its desired form; an object
 * whose digest and key fields match is kept as it is, so unchanged objects cost no writes even though the API server
 * adds defaults to what we send. Objects this object does not control are never written (see {@link Ownership}).
 */
final class WorkloadStep {

    static final String DESIRED_DIGEST = "triggermesh.io/desired-digest";

    private WorkloadStep() {
    }

    /** The Deployment to create or update, or kept as it is. */
    static StepOutcome<Void> deployment(AdapterInput input, Cluster cluster) {
        Deployment desired = AdapterWorkloads.deployment(input);
        Deployment existing = cluster.get(Deployment.class, input.owner().namespace(),
                desired.getMetadata().getName());
        if (existing != null && !Ownership.controlledBy(existing, input.owner())) {
            return Ownership.outcome(Condition.DEPLOYED, existing, input.owner());
        }
        String digest = stamp(desired);
        if (existing == null) {
            return writes(List.of(Change.create(desired)));
        }
        if (!digest.equals(annotation(existing)) || drifted(existing, desired)) {
            desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            return writes(List.of(Change.update(desired)));
        }
        return writes(List.of(Change.keep(existing)));
    }

    /**
     * A target's Service to create or update (or keep); for a source, the deletion of a Service this object
     * controls under the workload's name (left from when it was a target).
     */
    static StepOutcome<Void> service(AdapterInput input, Cluster cluster) {
        OwnerObject owner = input.owner();
        if (!input.workload().receivesHttp()) {
            Service stale = cluster.get(Service.class, owner.namespace(), AdapterNames.workload(owner));
            // Only what this object controls, as for every other write: a Service someone else controls stays.
            return writes(stale != null && Ownership.controlledBy(stale, owner)
                    ? List.of(Change.delete(stale)) : List.of());
        }
        Service desired = AdapterWorkloads.service(input);
        Service existing = cluster.get(Service.class, owner.namespace(), desired.getMetadata().getName());
        if (existing != null && !Ownership.controlledBy(existing, owner)) {
            return Ownership.outcome(Condition.DEPLOYED, existing, owner);
        }
        String digest = stamp(desired);
        if (existing == null) {
            return writes(List.of(Change.create(desired)));
        }
        if (digest.equals(annotation(existing))) {
            return writes(List.of(Change.keep(existing)));
        }
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        // The API server allocates clusterIP; keep it, it cannot change.
        desired.getSpec().setClusterIP(existing.getSpec().getClusterIP());
        desired.getSpec().setClusterIPs(existing.getSpec().getClusterIPs());
        return writes(List.of(Change.update(desired)));
    }

    /**
     * The deletion of the Deployment and Service an object with a dotted name got before names were made
     * collision-free ({@link AdapterNames#previousWorkload}). Left alone, that adapter would keep running with the
     * configuration it had, next to the new one. Only objects this object controls are deleted: under that name
     * there may be the workload of another object (one named with dashes where this one has dots).
     */
    static StepOutcome<Void> previousNames(OwnerObject owner, Cluster cluster) {
        List<Change> changes = new ArrayList<>();
        AdapterNames.previousWorkload(owner).ifPresent(name -> {
            deleteIfControlled(cluster.get(Deployment.class, owner.namespace(), name), owner, changes);
            deleteIfControlled(cluster.get(Service.class, owner.namespace(), name), owner, changes);
        });
        return writes(changes);
    }

    /** The Deployed condition of a write of the Deployment or Service the API server refused. */
    static StepOutcome<Void> rejected(String what, KubernetesClientException e) {
        if (!ApiRejection.is(e)) {
            throw e;
        }
        return StepOutcome.blocked(ApiRejection.condition(Condition.DEPLOYED, what, e, true),
                Result.retry(ApiRejection.REASON));
    }

    private static void deleteIfControlled(HasMetadata existing, OwnerObject owner, List<Change> changes) {
        if (existing != null && Ownership.controlledBy(existing, owner)) {
            changes.add(Change.delete(existing));
        }
    }

    private static StepOutcome<Void> writes(List<Change> changes) {
        return StepOutcome.of(null, null, Result.done(), changes);
    }

    /** Someone edited what matters (image, env, args, ServiceAccount) without touching our digest. */
    private static boolean drifted(Deployment existing, Deployment desired) {
        var have = existing.getSpec().getTemplate().getSpec();
        var want = desired.getSpec().getTemplate().getSpec();
        if (!Objects.equals(have.getServiceAccountName(), want.getServiceAccountName())
                || have.getContainers().isEmpty()) {
            return true;
        }
        var haveContainer = have.getContainers().get(0);
        var wantContainer = want.getContainers().get(0);
        return !Objects.equals(haveContainer.getImage(), wantContainer.getImage())
                || !Json.normalise(haveContainer.getEnv()).equals(Json.normalise(wantContainer.getEnv()))
                || !Objects.equals(haveContainer.getArgs(), wantContainer.getArgs());
    }

    /** Adds the digest of {@code resource} (as built, without the digest) to its annotations and returns it. */
    private static String stamp(HasMetadata resource) {
        String digest = Digests.short16(Json.normalise(resource).toString());
        Map<String, String> annotations = new HashMap<>();
        if (resource.getMetadata().getAnnotations() != null) {
            annotations.putAll(resource.getMetadata().getAnnotations());
        }
        annotations.put(DESIRED_DIGEST, digest);
        resource.getMetadata().setAnnotations(annotations);
        return digest;
    }

    private static String annotation(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(DESIRED_DIGEST);
    }
}
