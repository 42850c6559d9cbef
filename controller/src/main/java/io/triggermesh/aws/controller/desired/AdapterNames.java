package io.triggermesh.aws.controller.desired;

import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.Dns1123;
import io.triggermesh.aws.spi.api.Sha256;
import java.util.Optional;

/**
 * Names of the objects the controller creates for a connector object. Deployments and Services are named
 * {@code <lowercase kind>-<name>} when that is a DNS-1123 label (a Service name must be one), so existing installs
 * keep their objects. When it is not (a dotted name, or longer than 63 characters) the name is mangled and a hash of
 * the unmangled name is appended, as Knative's {@code kmeta.ChildName} does: {@code x.y} and {@code x-y} are both
 * valid object names and must not share a Deployment (see docs/architecture.md, "Names of owned objects").
 */
public final class AdapterNames {

    private static final int MAX_LABEL = Dns1123.MAX_LABEL_LENGTH;
    private static final int HASH_LENGTH = 8;

    private AdapterNames() {
    }

    /** The adapter Deployment's name, also the target Service's name. */
    public static String workload(OwnerObject owner) {
        String plain = owner.lowercaseKind() + "-" + owner.name();
        if (Dns1123.isLabel(plain)) {
            return plain;
        }
        // The hash is of the name before mangling: for an undotted long name that is what it always was.
        String mangled = plain.replaceAll("[^a-z0-9-]", "-");
        String hash = Sha256.hex(plain).substring(0, HASH_LENGTH);
        String head = mangled.substring(0, Math.min(mangled.length(), MAX_LABEL - HASH_LENGTH - 1))
                .replaceAll("-+$", "");
        return head + "-" + hash;
    }

    /**
     * The workload name versions before collision-free names gave a dotted object name ({@code x.y} became
     * {@code <kind>-x-y}, the name {@code x-y} has too), when it differs from {@link #workload}: the controller
     * removes what it created under that name once the new one is applied.
     */
    public static Optional<String> previousWorkload(OwnerObject owner) {
        if (owner.name().indexOf('.') < 0) {
            return Optional.empty();
        }
        String previous = label(owner.lowercaseKind() + "-" + owner.name().replace('.', '-'));
        return previous.equals(workload(owner)) ? Optional.empty() : Optional.of(previous);
    }

    /** A DNS-1123 label made from {@code base}: cut with a hash of the whole when it is longer than 63. */
    static String label(String base) {
        if (base.length() <= MAX_LABEL) {
            return base;
        }
        String head = base.substring(0, MAX_LABEL - HASH_LENGTH - 1).replaceAll("-+$", "");
        return head + "-" + Sha256.hex(base).substring(0, HASH_LENGTH);
    }
}
