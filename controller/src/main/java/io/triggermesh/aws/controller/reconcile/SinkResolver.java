package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import io.triggermesh.aws.spi.api.Redaction;
import io.triggermesh.aws.spi.api.Sink;
import io.triggermesh.aws.spi.api.SinkRef;
import java.util.Map;

/**
 * Turns a source's {@code spec.sink} into a URL: {@code uri} as written; a {@code ref} to a core Service as its
 * cluster DNS name; a ref to anything else (Broker, Channel, a target) as its {@code status.address.url}.
 */
final class SinkResolver {

    private final KubernetesClient client;

    SinkResolver(KubernetesClient client) {
        this.client = client;
    }

    /** The resolved URL or the reason it cannot be resolved yet. */
    record Resolution(String uri, Condition condition) {
    }

    Resolution resolve(Sink sink, String objectNamespace) {
        if (sink == null) {
            return new Resolution(null, Condition.isFalse(Condition.SINK_PROVIDED, "SinkMissing",
                    "spec.sink is required: set spec.sink.ref or spec.sink.uri"));
        }
        if (sink.uri() != null) {
            return found(sink.uri());
        }
        SinkRef ref = sink.ref();
        String namespace = ref.namespace() == null || ref.namespace().isBlank() ? objectNamespace : ref.namespace();
        if ("v1".equals(ref.apiVersion()) && "Service".equals(ref.kind())) {
            return found(AdapterWorkloads.serviceUrl(ref.name(), namespace));
        }
        String label = ref.kind() + " " + namespace + "/" + ref.name() + " (" + ref.apiVersion() + ")";
        GenericKubernetesResource target;
        try {
            target = client.genericKubernetesResources(ref.apiVersion(), ref.kind()).inNamespace(namespace)
                    .withName(ref.name()).get();
        } catch (KubernetesClientException | IllegalArgumentException e) {
            return notFound("cannot read sink " + label + ": " + e.getMessage());
        }
        if (target == null) {
            return notFound("sink " + label + " does not exist yet");
        }
        Object status = target.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> map && map.get("address") instanceof Map<?, ?> address
                && address.get("url") instanceof String url && !url.isBlank()) {
            return found(url);
        }
        return notFound("sink " + label + " has no status.address.url yet");
    }

    private static Resolution found(String uri) {
        // The adapter gets the whole URI; the message (and so status and Events) never shows a query token.
        return new Resolution(uri, Condition.isTrue(Condition.SINK_PROVIDED, "SinkResolved", "events go to "
                + Redaction.uriForDisplay(uri)));
    }

    private static Resolution notFound(String message) {
        return new Resolution(null, Condition.isFalse(Condition.SINK_PROVIDED, "SinkNotFound", message));
    }
}
