package io.triggermesh.aws.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.Kinds;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a cluster's garbage collector local mode needs: when a connector object is gone, what it owns goes
 * too (its Deployment, Service and owned Secret, so the runner stops its adapter), and a ServiceAccount it shares
 * loses only its owner reference. Without it, a deleted object's adapter would run on in local mode.
 */
final class GarbageCollector implements AutoCloseable {

    private static final List<Class<? extends HasMetadata>> DEPENDENT_TYPES = List.of(Deployment.class,
            Service.class, Secret.class, ServiceAccount.class);

    private final KubernetesClient client;
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

    GarbageCollector(KubernetesClient client) {
        this.client = client;
    }

    void start(PluginRegistry registry) {
        for (LoadedKind kind : registry.kinds()) {
            informers.add(client.genericKubernetesResources(Kinds.context(kind)).inAnyNamespace()
                    .inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(GenericKubernetesResource object) {
                        }

                        @Override
                        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                        }

                        @Override
                        public void onDelete(GenericKubernetesResource object, boolean unknownFinalState) {
                            collect(object.getMetadata().getNamespace(), object.getMetadata().getUid());
                        }
                    }, 0));
        }
    }

    /** Deletes what only {@code ownerUid} owned in {@code namespace}; drops its reference from shared dependents. */
    void collect(String namespace, String ownerUid) {
        for (Class<? extends HasMetadata> type : DEPENDENT_TYPES) {
            for (HasMetadata dependent : client.resources(type).inNamespace(namespace).list().getItems()) {
                List<OwnerReference> owners = dependent.getMetadata().getOwnerReferences();
                if (owners == null || owners.stream().noneMatch(o -> ownerUid.equals(o.getUid()))) {
                    continue;
                }
                List<OwnerReference> remaining = owners.stream().filter(o -> !ownerUid.equals(o.getUid())).toList();
                try {
                    if (remaining.isEmpty()) {
                        client.resource(dependent).delete();
                    } else {
                        dependent.getMetadata().setOwnerReferences(new ArrayList<>(remaining));
                        client.resource(dependent).update();
                    }
                } catch (KubernetesClientException e) {
                    // Changed or gone meanwhile: the next deletion event, or the controller, settles it.
                }
            }
        }
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
