package io.triggermesh.aws.auth.env;

import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.Dns1123;
import io.triggermesh.aws.spi.api.Sha256;
import java.util.Collections;
import java.util.Map;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A Secret the controller creates and owns for one connector object, holding the credentials the object gave as
 * literal {@code value}s, so that the adapter Deployment can reference them instead of carrying them in plain sight.
 *
 * @param name the Secret's name, from {@link #nameFor(OwnerObject)}
 * @param data the Secret's string data, keyed by the env variable names that reference it; kept sorted
 */
public record OwnedSecret(String name, Map<String, String> data) {

    /** Kubernetes object names: a DNS-1123 subdomain of at most 253 characters. */
    public static final int MAX_NAME_LENGTH = Dns1123.MAX_SUBDOMAIN_LENGTH;

    private static final String SUFFIX = "-aws-credentials";
    private static final int HASH_LENGTH = 10;

    public OwnedSecret {
        Objects.requireNonNull(name, "name");
        if (!Dns1123.isSubdomain(name)) {
            throw new IllegalArgumentException("not a valid Secret name: " + name);
        }
        data = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(data, "data")));
        if (data.containsValue(null)) {
            throw new IllegalArgumentException("owned Secret " + name + " has a key without a value");
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("an owned Secret needs at least one key");
        }
    }

    /**
     * {@code <lowercase kind>-<name>-aws-credentials}. When that is too long or not a valid name, the
     * {@code <kind>-<name>} part is cleaned, shortened and followed by a hash of the original kind and name, so two
     * objects never share a Secret and the name stays the same on every reconcile.
     */
    public static String nameFor(OwnerObject owner) {
        String base = owner.lowercaseKind() + "-" + owner.name();
        String plain = base + SUFFIX;
        if (Dns1123.isSubdomain(plain)) {
            return plain;
        }
        String cleaned = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        int room = MAX_NAME_LENGTH - SUFFIX.length() - 1 - HASH_LENGTH;
        String prefix = validLabels(cleaned.length() > room ? cleaned.substring(0, room) : cleaned);
        String hash = shortHash(owner.kind() + "/" + owner.name());
        return (prefix.isEmpty() ? "" : prefix + "-") + hash + SUFFIX;
    }

    /** The keys held, without the values. */
    @Override
    public String toString() {
        return "OwnedSecret[name=" + name + ", keys=" + data.keySet() + "]";
    }

    /**
     * Makes every dot-separated label start and end with an alphanumeric and drops empty labels: cleaning and
     * truncating can leave {@code "a.-b"}, {@code "a..b"} or a trailing {@code "-"}, which Kubernetes refuses.
     */
    private static String validLabels(String s) {
        return Arrays.stream(s.split("\\."))
                .map(OwnedSecret::trimLabel)
                .filter(label -> !label.isEmpty())
                .collect(Collectors.joining("."));
    }

    private static String trimLabel(String label) {
        int start = 0;
        int end = label.length();
        while (start < end && !isAlphanumeric(label.charAt(start))) {
            start++;
        }
        while (end > start && !isAlphanumeric(label.charAt(end - 1))) {
            end--;
        }
        return label.substring(start, end);
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String shortHash(String input) {
        return Sha256.hex(input).substring(0, HASH_LENGTH);
    }
}
