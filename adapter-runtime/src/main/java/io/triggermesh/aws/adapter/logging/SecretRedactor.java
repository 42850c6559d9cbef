package io.triggermesh.aws.adapter.logging;

import io.triggermesh.aws.auth.env.AdapterEnvNames;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Masks the adapter's credential values wherever they appear in a text. Used on every formatted log line, so a
 * secret that reaches a log message by any path (an SDK debug line, an exception message, a stack trace) is still
 * never written.
 */
public final class SecretRedactor {

    /** What a masked value prints as. */
    public static final String MASK = "***";

    /** Variables whose values are masked. The ExternalId is not secret to AWS but often treated as one. */
    public static final List<String> SECRET_VARIABLES = List.of(AdapterEnvNames.AWS_ACCESS_KEY_ID,
            AdapterEnvNames.AWS_SECRET_ACCESS_KEY, AdapterEnvNames.AWS_SESSION_TOKEN,
            AdapterEnvNames.AWS_ASSUME_ROLE_EXTERNAL_ID);

    // Values this short would mask ordinary words; real keys and tokens are far longer.
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Masks the values of {@link #SECRET_VARIABLES} found in {@code env}. */
    public static SecretRedactor forEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        return of(SECRET_VARIABLES.stream().map(env::get).toList());
    }

    /** Masks the given values (nulls and very short values are ignored). */
    public static SecretRedactor of(List<String> values) {
        // Longest first, so that a secret containing another is masked whole.
        return new SecretRedactor(values.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(v -> v.length() >= MIN_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    /** {@code text} with every secret value replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /** How many values are masked; never the values. */
    @Override
    public String toString() {
        return "SecretRedactor[" + secrets.size() + " values]";
    }

}
