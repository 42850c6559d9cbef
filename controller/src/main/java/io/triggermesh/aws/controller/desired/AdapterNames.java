package io.triggermesh.aws.controller.desired;

import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.Sha256;

/**
 * Names of the objects the controller creates for a connector object. Deployments and Services are named
 * {@code <lowercase kind>-<name>}, cut to 63 characters with a stable hash suffix, because a Service name must be a
 * DNS-1123 label.
 */
public final class AdapterNames {

    private static final int MAX_LABEL = 63;
    private static final int HASH_LENGTH = 8;

    private AdapterNames() {
    }

    /** The adapter Deployment's name, also the target Service's name. */
    public static String workload(OwnerObject owner) {
        return label(owner.lowercaseKind() + "-" + owner.name().replace('.', '-'));
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
