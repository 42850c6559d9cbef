package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an object's status through the status subresource. A 409 Conflict usually only means the object moved on
 * since the informer cache saw it (often our own previous status write): the object is read again and the same
 * status written once more with the fresh resourceVersion, before the pass is given up to the work queue's backoff.
 * Without this a pass that conflicts loses its work, AWS calls included, and repeats it.
 */
final class StatusWrite {

    private static final Logger LOG = LoggerFactory.getLogger(StatusWrite.class);

    private StatusWrite() {
    }

    /**
     * Writes {@code status} onto {@code object}. Throws the second 409 (or any other API error) to the caller;
     * returns false without writing when the object's spec changed meanwhile (the change brings its own pass, which
     * computes the status for the new generation) or the object is gone.
     */
    static boolean write(KubernetesClient client, LoadedKind kind, GenericKubernetesResource object,
                         Map<String, Object> status) {
        try {
            update(client, kind, object, status);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        GenericKubernetesResource fresh = objects(client, kind, namespace).withName(name).get();
        if (fresh == null || !Objects.equals(fresh.getMetadata().getUid(), object.getMetadata().getUid())
                || !Objects.equals(fresh.getMetadata().getGeneration(), object.getMetadata().getGeneration())) {
            LOG.debug("{} {}/{}: status write conflicted and the object changed; the next pass writes it",
                    kind.descriptor().kind(), namespace, name);
            return false;
        }
        update(client, kind, fresh, status);
        return true;
    }

    private static void update(KubernetesClient client, LoadedKind kind, GenericKubernetesResource object,
                               Map<String, Object> status) {
        GenericKubernetesResource updated = Json.MAPPER.convertValue(object, GenericKubernetesResource.class);
        updated.getAdditionalProperties().put("status", status);
        objects(client, kind, object.getMetadata().getNamespace()).resource(updated).updateStatus();
    }

    private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> objects(KubernetesClient client, LoadedKind kind, String namespace) {
        return client.genericKubernetesResources(Kinds.context(kind)).inNamespace(namespace);
    }
}
