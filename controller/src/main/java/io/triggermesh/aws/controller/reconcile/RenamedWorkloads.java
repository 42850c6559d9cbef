package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterNames;

/**
 * Removes the Deployment and Service an object with a dotted name got before names were made collision-free
 * ({@link AdapterNames#previousWorkload}). Left alone, that adapter would keep running with the configuration it
 * had, next to the new one. Only objects this object controls are deleted: under that name there may be the
 * workload of another object (one named with dashes where this one has dots).
 */
final class RenamedWorkloads {

    private final KubernetesClient client;

    RenamedWorkloads(KubernetesClient client) {
        this.client = client;
    }

    void removePrevious(OwnerObject owner) {
        AdapterNames.previousWorkload(owner).ifPresent(name -> {
            deleteIfControlled(client.apps().deployments().inNamespace(owner.namespace()).withName(name).get(),
                    owner);
            deleteIfControlled(client.services().inNamespace(owner.namespace()).withName(name).get(), owner);
        });
    }

    private void deleteIfControlled(HasMetadata existing, OwnerObject owner) {
        if (existing != null && Ownership.controlledBy(existing, owner)) {
            client.resource(existing).delete();
        }
    }
}
