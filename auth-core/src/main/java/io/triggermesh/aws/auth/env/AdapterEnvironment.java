package io.triggermesh.aws.auth.env;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.StsNames;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.AdapterEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes the adapter env for a validated {@code spec.auth} block. Pure: no Kubernetes client, no AWS call.
 *
 * <ul>
 *   <li>Credentials are only ever secretKeyRefs: to the user's Secret for {@code valueFromSecret}, to a Secret the
 *       controller owns ({@link OwnedSecret}) for literal {@code value}s.</li>
 *   <li>{@code iam} renders no credential at all: the EKS webhook injects the web identity into the pod.</li>
 *   <li>{@code assumeIamRole} (under either mode) renders the role and its options as plain values; they are not
 *       secret, and the session name always gets a value so CloudTrail shows which object acted.</li>
 * </ul>
 * The order of variables is fixed, so rendering the same object twice gives the same Deployment.
 */
public final class AdapterEnvironment {

    /** STS limit for RoleSessionName. */
    public static final int MAX_SESSION_NAME_LENGTH = StsNames.MAX_SESSION_NAME_LENGTH;

    private AdapterEnvironment() {
    }

    /**
     * The env and owned Secret for this object's auth block.
     *
     * @throws IllegalArgumentException when the block is not valid (validate it first); messages carry no values
     */
    public static AdapterEnvPlan render(OwnerObject owner, AwsAuth auth) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(auth, "auth");
        return switch (auth.mode()) {
            case CREDENTIALS -> renderCredentials(owner, auth.credentials());
            case IAM -> new AdapterEnvPlan(
                    assumeRoleEnv(owner, auth.iam().assumeIamRole(), auth.iam().assumeIamRoleOptions()),
                    Optional.empty());
            case INVALID -> throw new IllegalArgumentException(
                    owner.displayName() + ": spec.auth needs exactly one of credentials or iam");
        };
    }


    /**
     * {@code triggermesh-<namespace>-<name>}, limited to the characters and length STS accepts for a role session
     * name.
     */
    public static String defaultSessionName(OwnerObject owner) {
        return StsNames.defaultSessionName(owner.namespace(), owner.name());
    }

    private static AdapterEnvPlan renderCredentials(OwnerObject owner, Credentials credentials) {
        String ownedName = OwnedSecret.nameFor(owner);
        Map<String, String> owned = new TreeMap<>();
        List<EnvVar> env = new ArrayList<>();
        credential(owner, "accessKeyID", AdapterEnv.AWS_ACCESS_KEY_ID, credentials.accessKeyID(), true,
                ownedName, owned, env);
        credential(owner, "secretAccessKey", AdapterEnv.AWS_SECRET_ACCESS_KEY, credentials.secretAccessKey(),
                true, ownedName, owned, env);
        credential(owner, "sessionToken", AdapterEnv.AWS_SESSION_TOKEN, credentials.sessionToken(), false,
                ownedName, owned, env);
        env.addAll(assumeRoleEnv(owner, credentials.assumeIamRole(), credentials.assumeIamRoleOptions()));
        Optional<OwnedSecret> secret = owned.isEmpty()
                ? Optional.empty()
                : Optional.of(new OwnedSecret(ownedName, owned));
        return new AdapterEnvPlan(env, secret);
    }

    private static void credential(OwnerObject owner, String field, String envName, ValueSource source,
                                   boolean required, String ownedName, Map<String, String> owned, List<EnvVar> env) {
        if (source == null) {
            if (required) {
                throw new IllegalArgumentException(
                        owner.displayName() + ": spec.auth.credentials." + field + " is required");
            }
            return;
        }
        if (source.isSecretRef()) {
            env.add(EnvVar.fromSecret(envName, source.valueFromSecret()));
        } else if (source.isLiteral()) {
            owned.put(envName, source.value());
            env.add(EnvVar.fromSecret(envName, ownedName, envName));
        } else {
            throw new IllegalArgumentException(owner.displayName() + ": spec.auth.credentials." + field
                    + " needs exactly one of value or valueFromSecret");
        }
    }

    private static List<EnvVar> assumeRoleEnv(OwnerObject owner, String roleArn, AssumeRoleOptions options) {
        if (roleArn == null || roleArn.isBlank()) {
            return List.of();
        }
        AssumeRoleOptions opts = options == null ? AssumeRoleOptions.none() : options;
        List<EnvVar> env = new ArrayList<>();
        env.add(EnvVar.plain(AdapterEnv.AWS_ASSUME_ROLE_ARN, roleArn));
        if (opts.externalId() != null && !opts.externalId().isBlank()) {
            env.add(EnvVar.plain(AdapterEnv.AWS_ASSUME_ROLE_EXTERNAL_ID, opts.externalId()));
        }
        String sessionName = opts.sessionName() == null || opts.sessionName().isBlank()
                ? defaultSessionName(owner) : opts.sessionName();
        env.add(EnvVar.plain(AdapterEnv.AWS_ASSUME_ROLE_SESSION_NAME, sessionName));
        if (opts.durationSeconds() != null) {
            env.add(EnvVar.plain(AdapterEnv.AWS_ASSUME_ROLE_DURATION_SECONDS,
                    String.valueOf(opts.durationSeconds())));
        }
        return env;
    }
}
