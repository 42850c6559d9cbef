package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import io.triggermesh.aws.controller.desired.SinkRefs;
import io.triggermesh.aws.spi.api.Redaction;
import io.triggermesh.aws.spi.api.Shown;
import io.triggermesh.aws.spi.api.Sink;
import io.triggermesh.aws.spi.api.SinkRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Turns a source's {@code spec.sink} into a URL: {@code uri} as written; a {@code ref} to a core Service as its
 * cluster DNS name; a ref to anything else (Broker, Channel, a target) as its {@code status.address.url}.
 *
 * <p>A ref into another namespace is refused unless the controller allows cross-namespace sinks
 * ({@code triggermesh.controller.cross-namespace-sinks}, see docs/architecture.md, "Sinks in other namespaces"):
 * the controller reads with its own rights, so following such a ref would let anyone who may create a source send
 * events to, or probe for, objects in namespaces they cannot see. The refusal reads nothing and says the same
 * whatever is there.
 */
final class SinkResolver {

    static final String CROSS_NAMESPACE_REASON = "CrossNamespaceSinkRefused";
    /** How long a source without a resolved sink waits before looking again. */
    static final Duration RECHECK = Duration.ofSeconds(30);

    private final boolean crossNamespace;

    /** The reason of a {@code sink.ref} to a kind that never has an address. */
    static final String NOT_ADDRESSABLE_REASON = "SinkNotAddressable";

    SinkResolver(boolean crossNamespace) {
        this.crossNamespace = crossNamespace;
    }

    /**
     * Resolves {@code sink} of a source in {@code objectNamespace}, reading a ref's object from {@code cluster}:
     * the URL as the value, or none and the reason, with a look again in {@link #RECHECK}.
     */
    StepOutcome<String> resolve(Sink sink, String objectNamespace, Cluster cluster) {
        if (sink == null) {
            return unresolved(Condition.isFalse(Condition.SINK_PROVIDED, "SinkMissing",
                    "spec.sink is required: set spec.sink.ref or spec.sink.uri"));
        }
        if (sink.uri() != null) {
            return found(sink.uri());
        }
        SinkRef ref = sink.ref();
        String namespace = SinkRefs.namespace(ref, objectNamespace);
        boolean elsewhere = !namespace.equals(objectNamespace);
        if (elsewhere && !crossNamespace) {
            return unresolved(Condition.isFalse(Condition.SINK_PROVIDED, CROSS_NAMESPACE_REASON,
                    SinkRefs.refusal(ref, objectNamespace)));
        }
        if ("v1".equals(ref.apiVersion()) && "Service".equals(ref.kind())) {
            return found(AdapterWorkloads.serviceUrl(ref.name(), namespace));
        }
        if ("v1".equals(ref.apiVersion())) {
            // No other core kind has an address, and reading one (a Secret, say) would tell whoever can create a
            // source whether it exists.
            return unresolved(Condition.isFalse(Condition.SINK_PROVIDED, NOT_ADDRESSABLE_REASON,
                    "spec.sink.ref: " + Shown.quoted(ref.kind()) + " (v1) is not an event sink; name a v1 Service,"
                            + " a Knative Broker, Channel or Service, or a connector target"));
        }
        String label = ref.kind() + " " + namespace + "/" + ref.name() + " (" + ref.apiVersion() + ")";
        // In another namespace, missing, unreadable and unaddressed read the same: the user may not see that
        // namespace, and the controller's answer must not tell them what is in it.
        String unresolved = "sink " + label + " cannot be used yet: it does not exist, cannot be read by the"
                + " controller or has no status.address.url";
        GenericKubernetesResource target;
        try {
            target = cluster.get(ref.apiVersion(), ref.kind(), namespace, ref.name());
        } catch (KubernetesClientException | IllegalArgumentException e) {
            return notFound(elsewhere ? unresolved : "cannot read sink " + label + ": " + e.getMessage());
        }
        if (target == null) {
            return notFound(elsewhere ? unresolved : "sink " + label + " does not exist yet");
        }
        Object status = target.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> map && map.get("address") instanceof Map<?, ?> address
                && address.get("url") instanceof String url && !url.isBlank()) {
            return found(url);
        }
        return notFound(elsewhere ? unresolved : "sink " + label + " has no status.address.url yet");
    }

    /**
     * What {@code render} puts in K_SINK for a sink it could not resolve from the objects it was given: the
     * controller would resolve it in the cluster (or, for a ref into another namespace, refuse it by default).
     */
    static String placeholder(Sink sink, String objectNamespace) {
        if (sink == null || sink.ref() == null) {
            return "<spec.sink>";
        }
        SinkRef ref = sink.ref();
        String namespace = SinkRefs.namespace(ref, objectNamespace);
        if (!namespace.equals(objectNamespace)) {
            return "<refused: " + SinkRefs.refusal(ref, objectNamespace) + ">";
        }
        return "<status.address.url of " + ref.kind() + " " + namespace + "/" + ref.name() + ">";
    }

    private static StepOutcome<String> found(String uri) {
        // The adapter gets the whole URI; the message (and so status and Events) never shows a query token.
        return StepOutcome.of(uri, Condition.isTrue(Condition.SINK_PROVIDED, "SinkResolved", "events go to "
                + Redaction.uriForDisplay(uri)), Result.done(), List.of());
    }

    private static StepOutcome<String> notFound(String message) {
        return unresolved(Condition.isFalse(Condition.SINK_PROVIDED, "SinkNotFound", message));
    }

    private static StepOutcome<String> unresolved(Condition condition) {
        return StepOutcome.blocked(condition, Result.requeueAfter(RECHECK));
    }
}
