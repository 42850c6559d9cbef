package io.triggermesh.aws.auth.credentials;

import static io.triggermesh.aws.spi.AdapterEnv.AWS_ACCESS_KEY_ID;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_ARN;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_DURATION_SECONDS;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_EXTERNAL_ID;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_SESSION_NAME;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_CONTAINER_CREDENTIALS_FULL_URI;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ROLE_ARN;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ROLE_SESSION_NAME;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_SECRET_ACCESS_KEY;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_SESSION_TOKEN;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_WEB_IDENTITY_TOKEN_FILE;

import io.triggermesh.aws.auth.model.StsNames;
import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.api.Shown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The adapter side: builds the credential chain an adapter uses from its environment (the contract in
 * {@link AdapterEnv}).
 *
 * <ol>
 *   <li>{@code AWS_ACCESS_KEY_ID} + {@code AWS_SECRET_ACCESS_KEY} (+ {@code AWS_SESSION_TOKEN}): static keys;</li>
 *   <li>otherwise {@code AWS_ROLE_ARN} + {@code AWS_WEB_IDENTITY_TOKEN_FILE} (injected by the EKS webhook for
 *       IRSA): web identity, re-reading the token file at every refresh;</li>
 *   <li>otherwise {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}
 *       (injected by the EKS Pod Identity webhook, or by local mode): the agent's credentials endpoint;</li>
 *   <li>otherwise the SDK default chain (profiles, instance roles, ECS task roles).</li>
 * </ol>
 * Then, when {@code AWS_ASSUME_ROLE_ARN} is set, sts:AssumeRole on top of that identity, with
 * {@code AWS_ASSUME_ROLE_EXTERNAL_ID}, {@code AWS_ASSUME_ROLE_SESSION_NAME} (default
 * {@code triggermesh-<NAMESPACE>-<NAME>}) and {@code AWS_ASSUME_ROLE_DURATION_SECONDS} (default 3600).
 * Blank variables count as unset.
 *
 * <p>Every step is an SDK provider (static, container, default chain, assume role), assembled by
 * {@link CredentialChain}. Web identity is the SDK's {@code StsAssumeRoleWithWebIdentityCredentialsProvider} with a
 * token supplier, not its {@code StsWebIdentityTokenFileCredentialsProvider}, although that one also reads the token
 * file again at each refresh. Checked against 2.57.8, it sends the file's content as it is, where this chain trims
 * it (a token file written with {@code echo}, or copied from a Secret by hand, ends in a newline;
 * {@code AdapterCredentialsIT.iamRoleFromTheInjectedWebIdentityTokenFile}); it takes whatever it is not given from
 * the process's {@code AWS_ROLE_ARN}, {@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code AWS_ROLE_SESSION_NAME}, while
 * adapters read the map they are given; and its read failures are the JDK's exception, where ours names the file and
 * {@link #fromEnvironment} checks it can be read before anything starts. The controller's identity checks use the
 * same web identity step with tokens they mint, which no file-based provider covers.
 */
public final class AdapterCredentials {

    private static final AssumeRoleSpec.Fields ENV_FIELDS = new AssumeRoleSpec.Fields(AWS_ASSUME_ROLE_ARN,
            AWS_ASSUME_ROLE_EXTERNAL_ID, AWS_ASSUME_ROLE_SESSION_NAME, AWS_ASSUME_ROLE_DURATION_SECONDS);

    private AdapterCredentials() {
    }

    /**
     * Builds the chain the environment asks for. Nothing is called on AWS here: the first STS call happens when
     * an SDK client first resolves credentials.
     *
     * @throws IllegalArgumentException naming the variable when the environment is incomplete or malformed
     */
    public static CredentialsHandle fromEnvironment(Map<String, String> env, AwsEndpoints endpoints) {
        return fromEnvironment(env, endpoints, StsOptions.DEFAULT);
    }

    static CredentialsHandle fromEnvironment(Map<String, String> env, AwsEndpoints endpoints, StsOptions options) {
        Objects.requireNonNull(env, "env");
        String defaultSession = StsNames.defaultSessionName(get(env, AdapterEnv.NAMESPACE),
                get(env, AdapterEnv.NAME));
        Optional<AssumeRoleSpec> assume = assumeRole(env, defaultSession);
        CredentialChain chain = new CredentialChain(endpoints, options);
        try {
            base(env, defaultSession, chain);
            assume.ifPresent(chain::assumeRole);
            return chain.build();
        } catch (RuntimeException e) {
            chain.abandon();
            throw e;
        }
    }

    private static void base(Map<String, String> env, String defaultSession, CredentialChain chain) {
        String keyId = get(env, AWS_ACCESS_KEY_ID);
        String secret = get(env, AWS_SECRET_ACCESS_KEY);
        String token = get(env, AWS_SESSION_TOKEN);
        if (keyId != null || secret != null) {
            requirePair(keyId, AWS_ACCESS_KEY_ID, secret, AWS_SECRET_ACCESS_KEY);
            chain.staticKeys(keyId, secret, token);
            return;
        }
        if (token != null) {
            throw new IllegalArgumentException(AWS_SESSION_TOKEN + " is set but " + AWS_ACCESS_KEY_ID + " and "
                    + AWS_SECRET_ACCESS_KEY + " are not; a session token only works with its key pair");
        }
        String roleArn = get(env, AWS_ROLE_ARN);
        String tokenFile = get(env, AWS_WEB_IDENTITY_TOKEN_FILE);
        if (roleArn != null || tokenFile != null) {
            requirePair(roleArn, AWS_ROLE_ARN, tokenFile, AWS_WEB_IDENTITY_TOKEN_FILE);
            Path path = Path.of(tokenFile);
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException(AWS_WEB_IDENTITY_TOKEN_FILE + " names a file that cannot be read: "
                        + path);
            }
            String session = Optional.ofNullable(get(env, AWS_ROLE_SESSION_NAME)).orElse(defaultSession);
            chain.webIdentity(roleArn, session, () -> readToken(path), "web identity (" + roleArn + ")");
            return;
        }
        String containerUri = get(env, AWS_CONTAINER_CREDENTIALS_FULL_URI);
        if (containerUri != null) {
            ContainerEndpoint.check(containerUri, get(env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE));
            chain.containerCredentials("EKS Pod Identity (container credentials from " + containerUri + ")");
            return;
        }
        chain.defaultChain();
    }

    private static Optional<AssumeRoleSpec> assumeRole(Map<String, String> env, String defaultSession) {
        String roleArn = get(env, AWS_ASSUME_ROLE_ARN);
        if (roleArn == null) {
            for (String option : new String[] {AWS_ASSUME_ROLE_EXTERNAL_ID, AWS_ASSUME_ROLE_SESSION_NAME,
                    AWS_ASSUME_ROLE_DURATION_SECONDS}) {
                if (get(env, option) != null) {
                    throw new IllegalArgumentException(option + " is set but " + AWS_ASSUME_ROLE_ARN + " is not");
                }
            }
            return Optional.empty();
        }
        return Optional.of(AssumeRoleSpec.of(roleArn, get(env, AWS_ASSUME_ROLE_EXTERNAL_ID),
                get(env, AWS_ASSUME_ROLE_SESSION_NAME), duration(get(env, AWS_ASSUME_ROLE_DURATION_SECONDS)),
                defaultSession, ENV_FIELDS));
    }

    private static Integer duration(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(AWS_ASSUME_ROLE_DURATION_SECONDS + " must be a whole number of "
                    + "seconds, not " + Shown.quoted(raw));
        }
    }

    private static void requirePair(String first, String firstName, String second, String secondName) {
        if (first == null) {
            throw new IllegalArgumentException(firstName + " is not set but " + secondName + " is; set both");
        }
        if (second == null) {
            throw new IllegalArgumentException(secondName + " is not set but " + firstName + " is; set both");
        }
    }

    private static String readToken(Path path) {
        try {
            return Files.readString(path).trim();
        } catch (IOException e) {
            // The message names the file only: exceptions from the read never contain the token itself.
            throw new UncheckedIOException("cannot read the web identity token file " + path, e);
        }
    }

    private static String get(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
