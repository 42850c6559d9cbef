package io.triggermesh.aws.adapter.logging;

import io.triggermesh.aws.auth.env.AdapterEnvNames;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Masks the adapter's credential values wherever they appear in a text, and credential-shaped text it was never told
 * about (the temporary keys STS issues when the adapter assumes a role, in the SDK's signing and wire lines). Used on
 * every formatted log line, so a secret that reaches a log message by any path (an SDK debug line, an exception
 * message, a stack trace) is still never written. The masking itself is the SPI's {@link CredentialRedactor}, the
 * one redactor every part of the project uses.
 */
public final class SecretRedactor {

    /** What a masked value prints as. */
    public static final String MASK = CredentialRedactor.MASK;

    /** Variables whose values are masked. The ExternalId is not secret to AWS but often treated as one. */
    public static final List<String> SECRET_VARIABLES = List.of(AdapterEnvNames.AWS_ACCESS_KEY_ID,
            AdapterEnvNames.AWS_SECRET_ACCESS_KEY, AdapterEnvNames.AWS_SESSION_TOKEN,
            AdapterEnvNames.AWS_ASSUME_ROLE_EXTERNAL_ID);

    private final CredentialRedactor redactor;

    private SecretRedactor(CredentialRedactor redactor) {
        this.redactor = redactor;
    }

    /** Masks the values of {@link #SECRET_VARIABLES} found in {@code env}. */
    public static SecretRedactor forEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        return of(SECRET_VARIABLES.stream().map(env::get).toList());
    }

    /** Masks the given values (nulls and very short values are ignored) and credential shapes. */
    public static SecretRedactor of(List<String> values) {
        return new SecretRedactor(CredentialRedactor.knowing(values));
    }

    /** {@code text} with every secret value and every credential-shaped part replaced by {@link #MASK}. */
    public String redact(String text) {
        return redactor.redact(text);
    }

    /** How many values are masked by value; never the values. */
    @Override
    public String toString() {
        return "SecretRedactor[" + redactor.knownValues() + " values]";
    }

}
