package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterInput;
import io.triggermesh.aws.controller.desired.AdapterNames;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the adapter Deployment (and a target's Service). Each carries a digest of its desired form; an object
 * whose digest and key fields match is not written, so unchanged objects cost no writes even though the API server
 * adds defaults to what we send.
 */
final class WorkloadStep {

    static final String DESIRED_DIGEST = "triggermesh.io/desired-digest";

    private final KubernetesClient client;

    WorkloadStep(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Applies the Deployment and Service; {@code Deployed} follows the Deployment's availability (see
     * {@link DeploymentAvailability}), or says which write the API server refused.
     */
    StepOutcome apply(AdapterInput input) {
        Deployment desired = AdapterWorkloads.deployment(input);
        String name = desired.getMetadata().getName();
        Deployment current;
        try {
            current = applyDeployment(input, desired);
        } catch (KubernetesClientException e) {
            return rejected("write Deployment " + name, e);
        } catch (Ownership.NotOwned e) {
            return Ownership.outcome(Condition.DEPLOYED, e.existing(), input.owner());
        }
        try {
            if (input.workload().receivesHttp()) {
                applyService(AdapterWorkloads.service(input), input.owner());
            } else {
                deleteStaleService(input);
            }
        } catch (KubernetesClientException e) {
            return rejected("write Service " + name, e);
        } catch (Ownership.NotOwned e) {
            return Ownership.outcome(Condition.DEPLOYED, e.existing(), input.owner());
        }
        new RenamedWorkloads(client).removePrevious(input.owner());
        return StepOutcome.ok(DeploymentAvailability.condition(current));
    }

    /** The Deployment as the API server holds it after this pass. */
    private Deployment applyDeployment(AdapterInput input, Deployment desired) {
        Deployment existing = client.apps().deployments().inNamespace(input.owner().namespace())
                .withName(desired.getMetadata().getName()).get();
        Ownership.requireControlled(existing, input.owner());
        String digest = stamp(desired);
        if (existing == null) {
            return client.resource(desired).create();
        }
        if (!digest.equals(annotation(existing)) || drifted(existing, desired)) {
            desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            return client.resource(desired).update();
        }
        return existing;
    }

    private static StepOutcome rejected(String what, KubernetesClientException e) {
        if (!ApiRejection.is(e)) {
            throw e;
        }
        return StepOutcome.of(ApiRejection.condition(Condition.DEPLOYED, what, e, true),
                Result.retry(ApiRejection.REASON));
    }

    private void applyService(Service desired, OwnerObject owner) {
        Service existing = client.services().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()).get();
        Ownership.requireControlled(existing, owner);
        String digest = stamp(desired);
        if (existing == null) {
            client.resource(desired).create();
        } else if (!digest.equals(annotation(existing))) {
            desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            // The API server allocates clusterIP; keep it, it cannot change.
            desired.getSpec().setClusterIP(existing.getSpec().getClusterIP());
            desired.getSpec().setClusterIPs(existing.getSpec().getClusterIPs());
            client.resource(desired).update();
        }
    }

    private void deleteStaleService(AdapterInput input) {
        Service stale = client.services().inNamespace(input.owner().namespace())
                .withName(AdapterNames.workload(input.owner())).get();
        // Only what this object controls, as for every other write: a Service someone else controls stays.
        if (stale != null && Ownership.controlledBy(stale, input.owner())) {
            client.resource(stale).delete();
        }
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
