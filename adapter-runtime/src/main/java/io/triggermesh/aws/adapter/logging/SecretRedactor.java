package io.triggermesh.aws.adapter.logging;

import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    public static final List<String> SECRET_VARIABLES = List.of(AdapterEnv.AWS_ACCESS_KEY_ID,
            AdapterEnv.AWS_SECRET_ACCESS_KEY, AdapterEnv.AWS_SESSION_TOKEN,
            AdapterEnv.AWS_ASSUME_ROLE_EXTERNAL_ID);

    private final CredentialRedactor redactor;

    private SecretRedactor(CredentialRedactor redactor) {
        this.redactor = redactor;
    }

    /**
     * Variables that name files holding a token (web identity, EKS Pod Identity): their content at start is masked
     * too. Projected tokens are JSON Web Tokens, which are also masked by shape, so a rotated one stays masked.
     */
    public static final List<String> TOKEN_FILE_VARIABLES = List.of(AdapterEnv.AWS_WEB_IDENTITY_TOKEN_FILE,
            AdapterEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE);

    /** Masks the values of {@link #SECRET_VARIABLES} and the tokens in {@link #TOKEN_FILE_VARIABLES} of {@code env}. */
    public static SecretRedactor forEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        List<String> values = new ArrayList<>(SECRET_VARIABLES.stream().map(env::get).toList());
        values.add(env.get(AdapterEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN));
        for (String variable : TOKEN_FILE_VARIABLES) {
            String file = env.get(variable);
            if (file != null && !file.isBlank()) {
                try {
                    values.add(Files.readString(Path.of(file.trim())).trim());
                } catch (IOException | RuntimeException e) {
                    // Unreadable now: the credential provider says so; the shapes still apply.
                }
            }
        }
        return of(values);
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
