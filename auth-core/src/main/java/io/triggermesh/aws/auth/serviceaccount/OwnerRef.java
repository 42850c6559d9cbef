package io.triggermesh.aws.auth.serviceaccount;

import io.triggermesh.aws.auth.model.OwnerObject;
import java.util.Objects;

/**
 * One entry of a ServiceAccount's {@code metadata.ownerReferences}, as a plain value. The controller maps a missing
 * {@code controller} / {@code blockOwnerDeletion} to {@code false}, which is what Kubernetes assumes for them.
 */
public record OwnerRef(
        String apiVersion, String kind, String name, String uid, boolean controller, boolean blockOwnerDeletion) {

    public OwnerRef {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }

    /**
     * The reference a connector object puts on a ServiceAccount it uses: not the controller (several objects may
     * share the ServiceAccount), but blocking the owner's foreground deletion until the ServiceAccount is handled.
     */
    public static OwnerRef of(OwnerObject owner) {
        return new OwnerRef(owner.apiVersion(), owner.kind(), owner.name(), owner.uid(), false, true);
    }

    /**
     * Whether this reference points at {@code owner}: the same uid, or the same group, kind and name. Owners of a
     * namespaced object live in its namespace, where names are unique per kind, so a same-named reference with
     * another uid can only belong to an earlier, deleted incarnation of the object and is replaced rather than
     * counted as a second owner.
     */
    public boolean refersTo(OwnerObject owner) {
        return uid.equals(owner.uid())
                || (group(apiVersion).equals(group(owner.apiVersion()))
                        && kind.equals(owner.kind())
                        && name.equals(owner.name()));
    }

    /** {@code Kind/name}, the form used in warning messages. */
    public String displayName() {
        return kind + "/" + name;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
