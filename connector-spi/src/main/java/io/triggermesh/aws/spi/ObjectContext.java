package io.triggermesh.aws.spi;

import java.util.Map;
import java.util.Objects;

/**
 * The object a hook is called for: its identity, its typed spec and the plugin's own status fields as last
 * published (empty on the first reconcile).
 *
 * @param <S> the spec type
 */
public record ObjectContext<S>(String kind, String namespace, String name, String uid, long generation, S spec,
                               Map<String, String> status) {

    public ObjectContext {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        status = status == null ? Map.of() : Map.copyOf(status);
    }

    /** {@code kind/namespace/name}, the form used in logs and AWS owner tags. */
    public String displayName() {
        return kind + "/" + namespace + "/" + name;
    }
}
