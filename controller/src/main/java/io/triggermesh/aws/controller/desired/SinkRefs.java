package io.triggermesh.aws.controller.desired;

import io.triggermesh.aws.spi.api.SinkRef;

/**
 * The namespace rule of {@code spec.sink.ref}, shared by the controller and {@code render}: a ref without a namespace
 * is in the source's own; a ref into another one is refused unless the controller allows cross-namespace sinks
 * (docs/architecture.md, "Sinks in other namespaces").
 */
public final class SinkRefs {

    /** The controller setting that allows refs into other namespaces. */
    public static final String SETTING = "triggermesh.controller.cross-namespace-sinks";

    private SinkRefs() {
    }

    /** The namespace {@code ref} names: its own, or the source's when it has none. */
    public static String namespace(SinkRef ref, String objectNamespace) {
        return ref.namespace() == null || ref.namespace().isBlank() ? objectNamespace : ref.namespace();
    }

    /**
     * Why a ref into another namespace is refused. Built from the ref alone, so it is the same whether or not the
     * named object exists.
     */
    public static String refusal(SinkRef ref, String objectNamespace) {
        return "spec.sink.ref names " + ref.kind() + " " + ref.name() + " in namespace " + ref.namespace()
                + ", but a source may only send to objects in its own namespace (" + objectNamespace + "); name an"
                + " object in " + objectNamespace + " or set spec.sink.uri. A cluster administrator can allow"
                + " refs into other namespaces with the controller setting " + SETTING;
    }
}
