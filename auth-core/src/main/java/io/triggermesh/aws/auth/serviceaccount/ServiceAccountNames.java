package io.triggermesh.aws.auth.serviceaccount;

import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.Dns1123;
import io.triggermesh.aws.spi.api.Sha256;
import java.util.Locale;

/** Which ServiceAccount name an object's adapter runs as. */
public final class ServiceAccountNames {

    /** Longest DNS-1123 label; the default name always fits, so it is also usable as a label value. */
    public static final int MAX_DEFAULT_LENGTH = Dns1123.MAX_LABEL_LENGTH;

    /** Kubernetes' limit for a ServiceAccount name (a DNS-1123 subdomain). */
    public static final int MAX_NAME_LENGTH = Dns1123.MAX_SUBDOMAIN_LENGTH;

    private static final int HASH_HEX_CHARS = 8;

    private ServiceAccountNames() {
    }

    /**
     * {@code iam.serviceAccount} when set (not blank), otherwise {@link #defaultName(OwnerObject)}. An explicit name is
     * used exactly as written: it names a ServiceAccount the user expects, possibly one that already exists.
     *
     * @throws IllegalArgumentException when the explicit name is not a valid ServiceAccount name; validation of
     *     {@code spec.auth} rejects such objects before anything is planned
     */
    public static String serviceAccountName(OwnerObject owner, Iam iam) {
        String explicit = iam.serviceAccount();
        if (explicit == null || explicit.isBlank()) {
            return defaultName(owner);
        }
        if (!isValidName(explicit)) {
            throw new IllegalArgumentException("spec.auth.iam.serviceAccount of " + owner.displayName() + " is '"
                    + explicit + "', which is not a valid ServiceAccount name (a lowercase DNS-1123 subdomain of at"
                    + " most " + MAX_NAME_LENGTH + " characters)");
        }
        return explicit;
    }

    /**
     * The name used when {@code iam.serviceAccount} is absent: {@code <lowercase kind>-i-<name>}.
     *
     * <p>The user-facing page says the name is "derived from the role", but the original controller named it after
     * the object as above, and IRSA trust relationships are keyed on the ServiceAccount name
     * ({@code system:serviceaccount:<namespace>:<name>}); keeping the original's naming keeps those roles working.
     *
     * <p>The result is always a DNS-1123 label of at most {@value #MAX_DEFAULT_LENGTH} characters. When the plain
     * name is not one (too long, or a dotted object name), it is lowercased, characters other than {@code [a-z0-9-]}
     * become {@code -}, it is cut short and {@code -<8 hex chars of SHA-256 of the plain name>} is appended: the same
     * object always gets the same name, and two objects whose names only differ past the cut or in a replaced
     * character still get different ones.
     */
    public static String defaultName(OwnerObject owner) {
        String plain = owner.lowercaseKind() + "-i-" + owner.name();
        if (isValidLabel(plain)) {
            return plain;
        }
        String hash = shortHash(plain);
        String sanitized = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        int room = MAX_DEFAULT_LENGTH - hash.length() - 1;
        String head = sanitized.substring(0, Math.min(room, sanitized.length()));
        head = head.replaceAll("^-+", "").replaceAll("-+$", "");
        return head.isEmpty() ? hash : head + "-" + hash;
    }

    /** Whether {@code name} can name a ServiceAccount: a DNS-1123 subdomain. */
    public static boolean isValidName(String name) {
        return Dns1123.isSubdomain(name);
    }

    /** Whether {@code name} is a DNS-1123 label: lowercase alphanumerics and {@code -}, at most 63 characters. */
    public static boolean isValidLabel(String name) {
        return Dns1123.isLabel(name);
    }

    private static String shortHash(String value) {
        return Sha256.hex(value).substring(0, HASH_HEX_CHARS);
    }
}
