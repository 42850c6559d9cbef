package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects given to {@code render} with {@code -f} as a {@link Cluster}: reads find them, writes change them in
 * memory, so a later step sees what an earlier one wrote, as it would on the API server. Objects without a
 * namespace are in {@code default}, as {@code kubectl apply} would put them.
 */
public final class GivenObjects implements Cluster {

    private final Map<String, GenericKubernetesResource> objects = new LinkedHashMap<>();

    public GivenObjects(List<GenericKubernetesResource> given) {
        given.stream().filter(o -> o.getKind() != null && o.getMetadata() != null && o.getMetadata().getName() != null)
                .forEach(this::put);
    }

    @Override
    public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        GenericKubernetesResource found = objects.get(key(HasMetadata.getKind(type), namespace, name));
        // A copy each time: a step may change what it read, and must not change what the next step reads.
        return found == null ? null : Json.MAPPER.convertValue(found, type);
    }

    @Override
    public GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
        GenericKubernetesResource found = objects.get(key(kind, namespace, name));
        return found != null && apiVersion.equals(found.getApiVersion())
                ? Json.MAPPER.convertValue(found, GenericKubernetesResource.class) : null;
    }

    @Override
    public HasMetadata write(Change change) {
        GenericKubernetesResource object = Json.MAPPER.convertValue(change.object(),
                GenericKubernetesResource.class);
        if (object.getKind() == null) {
            object.setKind(HasMetadata.getKind(change.object().getClass()));
        }
        switch (change.op()) {
            case CREATE, UPDATE -> put(object);
            case DELETE -> objects.remove(key(object));
            case KEEP -> {
            }
            default -> throw new IllegalStateException(change.op().toString());
        }
        return change.object();
    }

    private void put(GenericKubernetesResource object) {
        objects.put(key(object), object);
    }

    private static String key(GenericKubernetesResource object) {
        String namespace = object.getMetadata().getNamespace();
        return key(object.getKind(), namespace == null ? "default" : namespace, object.getMetadata().getName());
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
