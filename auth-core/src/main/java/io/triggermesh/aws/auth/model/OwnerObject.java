package io.triggermesh.aws.auth.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The connector object an auth block belongs to: enough to name things after it and to reference it as an owner.
 *
 * @param apiVersion for example {@code sources.triggermesh.io/v1alpha1}
 * @param kind for example {@code AWSS3Source}
 * @param namespace the object's namespace; Secrets and ServiceAccounts live there too
 * @param name the object's name
 * @param uid the object's uid, for ownerReferences
 */
public record OwnerObject(String apiVersion, String kind, String namespace, String name, String uid) {

    public OwnerObject {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }

    public String lowercaseKind() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** {@code kind/namespace/name}, the form used in logs and messages. */
    public String displayName() {
        return kind + "/" + namespace + "/" + name;
    }
}
