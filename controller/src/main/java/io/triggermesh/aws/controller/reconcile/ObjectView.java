package io.triggermesh.aws.controller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Read-only helpers over a connector object as the API returned it. */
final class ObjectView {

    /** Status fields the controller owns; every other string field of {@code status} belongs to the plugin. */
    static final Set<String> COMMON_STATUS = Set.of("observedGeneration", "conditions", "sinkUri", "address",
            "ceAttributes", "serviceAccountName", "awsIdentity", "resourcesFingerprint");

    private final GenericKubernetesResource resource;
    /** Converted once per pass: validation, the fingerprint and field reads all need it. Read-only. */
    private final ObjectNode node;

    ObjectView(GenericKubernetesResource resource) {
        this.resource = resource;
        this.node = Json.MAPPER.valueToTree(resource);
    }

    GenericKubernetesResource resource() {
        return resource;
    }

    OwnerObject owner(LoadedKind kind) {
        return new OwnerObject(kind.descriptor().apiVersion(), kind.descriptor().kind(),
                resource.getMetadata().getNamespace(), resource.getMetadata().getName(),
                resource.getMetadata().getUid());
    }

    long generation() {
        Long generation = resource.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }

    boolean deleting() {
        return resource.getMetadata().getDeletionTimestamp() != null;
    }

    boolean hasFinalizer(String finalizer) {
        List<String> finalizers = resource.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(finalizer);
    }

    ObjectNode node() {
        return node;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> status() {
        Object status = resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of();
    }

    /** The plugin's own status fields, handed back to it in {@code ObjectContext.status()}. */
    Map<String, String> pluginStatus() {
        Map<String, String> out = new TreeMap<>();
        status().forEach((name, value) -> {
            if (!COMMON_STATUS.contains(name) && value instanceof String text) {
                out.put(name, text);
            }
        });
        return out;
    }
}
