package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The API server as the reconciler's {@link Cluster}: one GET per read, one request per write. */
final class ApiCluster implements Cluster {

    private final KubernetesClient client;

    ApiCluster(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        return client.resources(type).inNamespace(namespace).withName(name).get();
    }

    @Override
    public GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
        return client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(name).get();
    }

    @Override
    public HasMetadata write(Change change) {
        return switch (change.op()) {
            case CREATE -> client.resource(change.object()).create();
            case UPDATE -> client.resource(change.object()).update();
            case DELETE -> {
                client.resource(change.object()).delete();
                yield change.object();
            }
            case KEEP -> change.object();
        };
    }
}
