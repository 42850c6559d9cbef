package io.triggermesh.aws.auth.validation;

import io.triggermesh.aws.spi.api.Dns1123;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kubernetes naming rules that apply inside {@code spec.auth}: Secret and ServiceAccount names are DNS-1123
 * subdomains, and Secret data keys are the ConfigMap/Secret key format. Each check returns why a name is invalid,
 * so that the message tells the user what to change rather than only that something is wrong.
 */
final class KubernetesNames {

    static final int MAX_SUBDOMAIN_LENGTH = Dns1123.MAX_SUBDOMAIN_LENGTH;
    static final int MAX_SECRET_KEY_LENGTH = 253;

    private static final Pattern SUBDOMAIN_CHARS = Pattern.compile("[-a-z0-9.]*");
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    static final String SUBDOMAIN_RULE = "lowercase letters, digits, '-' and '.', starting and ending with a letter"
            + " or digit, at most " + MAX_SUBDOMAIN_LENGTH + " characters";
    static final String SECRET_KEY_RULE = "letters, digits, '-', '_' and '.', at most " + MAX_SECRET_KEY_LENGTH
            + " characters";

    private KubernetesNames() {
    }

    /** Why {@code name} is not a DNS-1123 subdomain, or empty when it is one. */
    static Optional<String> subdomainProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.length() > MAX_SUBDOMAIN_LENGTH) {
            return Optional.of("is " + name.length() + " characters long, over the limit of " + MAX_SUBDOMAIN_LENGTH);
        }
        if (Dns1123.isSubdomain(name)) {
            return Optional.empty();
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))
                && SUBDOMAIN_CHARS.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.of("contains uppercase letters");
        }
        if (!SUBDOMAIN_CHARS.matcher(name).matches()) {
            return Optional.of("contains characters other than lowercase letters, digits, '-' and '.'");
        }
        if (name.contains("..")) {
            return Optional.of("contains '..'");
        }
        return Optional.of("has a '.'-separated part that starts or ends with '-' or '.'");
    }

    /** Why {@code key} cannot be a key of a Secret's data, or empty when it can. */
    static Optional<String> secretKeyProblem(String key) {
        if (key.isEmpty()) {
            return Optional.of("is empty");
        }
        if (key.length() > MAX_SECRET_KEY_LENGTH) {
            return Optional.of("is " + key.length() + " characters long, over the limit of " + MAX_SECRET_KEY_LENGTH);
        }
        if (!SECRET_KEY.matcher(key).matches()) {
            return Optional.of("contains characters other than letters, digits, '-', '_' and '.'");
        }
        // The API server also refuses these, because Secret volumes turn keys into file names.
        if (key.equals(".") || key.startsWith("..")) {
            return Optional.of("must not be '.' or start with '..'");
        }
        return Optional.empty();
    }
}
