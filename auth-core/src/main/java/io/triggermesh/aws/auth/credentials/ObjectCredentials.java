package io.triggermesh.aws.auth.credentials;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.RoleArn;
import io.triggermesh.aws.auth.model.StsNames;
import io.triggermesh.aws.auth.model.SecretKeyRef;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The controller side: the credentials the controller uses for the AWS work it does on behalf of one object
 * (queues, notifications), built from the object's {@code spec.auth} so that it acts as the object, not as itself.
 *
 * <ul>
 *   <li>{@code credentials}: the object's keys (+ session token) (+ {@code assumeIamRole});</li>
 *   <li>{@code iam} with {@code roleArn}: a short-lived token minted for the object's ServiceAccount, exchanged
 *       through sts:AssumeRoleWithWebIdentity for {@code roleArn} (a fresh token at every refresh), then
 *       optionally {@code assumeIamRole};</li>
 *   <li>{@code iam} without {@code roleArn}: refused, unless the operator opted in to the controller's own identity
 *       ({@link IdentityChoice#CONTROLLER_IDENTITY_OPT_IN}); then the SDK default chain, then optionally
 *       {@code assumeIamRole}. For identity checks with a Pod Identity agent ({@link #forIdentityChecks()}): the
 *       session of the ServiceAccount's EKS Pod Identity association, then optionally {@code assumeIamRole}.</li>
 * </ul>
 * Secrets are read once per {@link #resolve}; resolve again (and close the old identity) when they change.
 */
public final class ObjectCredentials {

    /** Audience of ServiceAccount tokens exchanged with STS (what IRSA trust policies check). */
    public static final String STS_AUDIENCE = "sts.amazonaws.com";

    /** Lifetime asked for minted ServiceAccount tokens: the Kubernetes minimum; STS only needs it for one call. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private static final String CREDENTIALS = "spec.auth.credentials";
    private static final String IAM = "spec.auth.iam";

    private final SecretReader secrets;
    private final ServiceAccountTokenSource tokens;
    private final AwsEndpoints endpoints;
    private final IdentityChoice identityChoice;
    private final StsOptions options;
    /** The agent identity checks ask for Pod Identity associations; null when they do not. */
    private final PodIdentityAgent podIdentityAgent;
    /** Whether {@code iam} without {@code roleArn} is the association's session (identity checks only). */
    private final boolean podIdentityBase;

    public ObjectCredentials(SecretReader secrets, ServiceAccountTokenSource tokens, AwsEndpoints endpoints,
            IdentityChoice identityChoice) {
        this(secrets, tokens, endpoints, identityChoice, StsOptions.DEFAULT, null, false);
    }

    /**
     * @param podIdentityAgent the EKS Pod Identity agent {@link #forIdentityChecks()} asks for the session of an
     *     object's association; null to leave Pod Identity objects unchecked
     */
    public ObjectCredentials(SecretReader secrets, ServiceAccountTokenSource tokens, AwsEndpoints endpoints,
            IdentityChoice identityChoice, PodIdentityAgent podIdentityAgent) {
        this(secrets, tokens, endpoints, identityChoice, StsOptions.DEFAULT, podIdentityAgent, false);
    }

    ObjectCredentials(SecretReader secrets, ServiceAccountTokenSource tokens, AwsEndpoints endpoints,
            IdentityChoice identityChoice, StsOptions options) {
        this(secrets, tokens, endpoints, identityChoice, options, null, false);
    }

    private ObjectCredentials(SecretReader secrets, ServiceAccountTokenSource tokens, AwsEndpoints endpoints,
            IdentityChoice identityChoice, StsOptions options, PodIdentityAgent podIdentityAgent,
            boolean podIdentityBase) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.identityChoice = Objects.requireNonNull(identityChoice, "identityChoice");
        this.options = Objects.requireNonNull(options, "options");
        this.podIdentityAgent = podIdentityAgent;
        this.podIdentityBase = podIdentityBase;
    }

    /**
     * The same, with every STS call of the chains it builds bounded ({@link StsOptions.CallTimeouts#IDENTITY_CHECK}:
     * 10 s per call, 5 s per attempt), for the controller's identity check, which runs in a reconcile and must not
     * hold it for the SDK's default 30 s socket timeout times three attempts when STS does not answer. The AWS work
     * done for objects keeps the SDK's defaults.
     *
     * <p>With a Pod Identity agent, {@code iam} without {@code roleArn} resolves here to what the adapter gets: the
     * session of the object's ServiceAccount's EKS Pod Identity association, which the agent hands out for a token
     * of that ServiceAccount (audience {@value PodIdentityAgent#AUDIENCE}) using the node's role. The AWS work done
     * for such objects still follows {@link IdentityChoice}.
     */
    public ObjectCredentials forIdentityChecks() {
        return new ObjectCredentials(secrets, tokens, endpoints, identityChoice,
                options.withCallTimeouts(StsOptions.CallTimeouts.IDENTITY_CHECK), podIdentityAgent,
                podIdentityAgent != null);
    }

    /**
     * Builds the object's chain. No AWS call happens here; Secrets are read now, and so is the session of a Pod
     * Identity association (identity checks only, see {@link #forIdentityChecks()}).
     *
     * @param serviceAccountName the ServiceAccount the object's adapter runs as (from its ServiceAccount plan);
     *     needed in {@code iam} mode with a {@code roleArn}
     * @throws CredentialsUnavailableException when a referenced Secret/key is missing, or the object asks for the
     *     controller's identity without the operator's opt-in
     * @throws IllegalArgumentException when {@code spec.auth} itself is invalid (naming the field)
     * @throws PodIdentityAgentException when the EKS Pod Identity agent cannot be reached or refuses the token
     */
    public ResolvedIdentity resolve(OwnerObject owner, AwsAuth auth, String serviceAccountName) {
        Objects.requireNonNull(owner, "owner");
        if (auth == null || auth.mode() == AwsAuth.Mode.INVALID) {
            throw new IllegalArgumentException("spec.auth must set exactly one of credentials or iam");
        }
        String defaultSession = StsNames.defaultSessionName(owner.namespace(), owner.name());
        CredentialChain chain = new CredentialChain(endpoints, options);
        List<String> known = new ArrayList<>();
        try {
            String description = auth.mode() == AwsAuth.Mode.CREDENTIALS
                    ? withKeys(owner, auth.credentials(), defaultSession, chain, known)
                    : withIam(owner, auth.iam(), serviceAccountName, defaultSession, chain, known);
            return new ResolvedIdentity(chain.build(), description, CredentialRedactor.knowing(known));
        } catch (RuntimeException e) {
            chain.abandon();
            throw e;
        }
    }

    /**
     * Asks AWS who {@code identity} is: resolves its credentials (running the chain's STS hops, if any) and calls
     * {@code sts:GetCallerIdentity} with them, through the same endpoints as the chain. Two STS calls at most beyond
     * the hops, none of which needs a permission: every identity may call GetCallerIdentity.
     *
     * @throws IdentityCheckException when AWS refuses or cannot be reached, saying at which step
     */
    public CallerIdentity callerIdentity(ResolvedIdentity identity) {
        return CallerIdentities.check(identity.handle(), endpoints, options);
    }

    private String withKeys(OwnerObject owner, Credentials credentials, String defaultSession, CredentialChain chain,
            List<String> known) {
        Set<String> secretNames = new TreeSet<>();
        String keyId = value(owner, credentials.accessKeyID(), CREDENTIALS + ".accessKeyID", secretNames);
        String secret = value(owner, credentials.secretAccessKey(), CREDENTIALS + ".secretAccessKey", secretNames);
        String token = credentials.sessionToken() == null ? null
                : value(owner, credentials.sessionToken(), CREDENTIALS + ".sessionToken", secretNames);
        Optional<AssumeRoleSpec> assume = assumeRole(credentials.assumeIamRole(),
                credentials.assumeIamRoleOptions(), CREDENTIALS, defaultSession);
        known.addAll(Arrays.asList(keyId, secret, token));
        assume.map(AssumeRoleSpec::externalId).ifPresent(known::add);
        chain.staticKeys(keyId, secret, token);
        assume.ifPresent(chain::assumeRole);
        String source = secretNames.isEmpty() ? "inline values"
                : (secretNames.size() == 1 ? "Secret " : "Secrets ") + String.join(", ", secretNames);
        return "object credentials" + (token == null ? "" : " + session token") + " (" + source + ")"
                + assume.map(spec -> " → " + spec.describe()).orElse("");
    }

    private String withIam(OwnerObject owner, Iam iam, String serviceAccountName, String defaultSession,
            CredentialChain chain, List<String> known) {
        Optional<AssumeRoleSpec> assume = assumeRole(iam.assumeIamRole(), iam.assumeIamRoleOptions(), IAM,
                defaultSession);
        assume.map(AssumeRoleSpec::externalId).ifPresent(known::add);
        String description;
        if (iam.roleArn() != null) {
            if (!RoleArn.isValid(iam.roleArn())) {
                throw new IllegalArgumentException(IAM + ".roleArn is not an IAM role ARN: " + iam.roleArn());
            }
            if (serviceAccountName == null || serviceAccountName.isBlank()) {
                throw new IllegalArgumentException("the ServiceAccount of " + owner.displayName()
                        + " is needed to act as " + IAM + ".roleArn");
            }
            String namespace = owner.namespace();
            chain.webIdentity(iam.roleArn(), defaultSession,
                    () -> tokens.token(namespace, serviceAccountName, STS_AUDIENCE, TOKEN_LIFETIME),
                    "web identity (" + iam.roleArn() + ") from ServiceAccount " + namespace + "/" + serviceAccountName);
            description = "object role " + iam.roleArn() + " via ServiceAccount " + serviceAccountName + " token";
        } else if (podIdentityBase) {
            description = podIdentitySession(owner, serviceAccountName, chain, known);
        } else if (identityChoice == IdentityChoice.CONTROLLER_IDENTITY_OPT_IN) {
            chain.defaultChain();
            description = "controller identity (opt-in)";
        } else {
            throw new CredentialsUnavailableException(CredentialsUnavailableException.Reason.NO_OBJECT_IDENTITY,
                    IAM + ".roleArn", IAM + ".roleArn is not set, so the controller has no identity of "
                    + owner.displayName() + " to act as; set roleArn (the operator can instead allow the "
                    + "controller's own AWS identity for such objects)");
        }
        assume.ifPresent(chain::assumeRole);
        return description + assume.map(spec -> " → " + spec.describe()).orElse("");
    }

    /**
     * The session the agent hands out for the object's ServiceAccount, as the adapter's SDK gets it. The token and
     * the session are known to the identity's redactor, so no message built from a later AWS error can show them.
     */
    private String podIdentitySession(OwnerObject owner, String serviceAccountName, CredentialChain chain,
            List<String> known) {
        if (serviceAccountName == null || serviceAccountName.isBlank()) {
            throw new IllegalArgumentException("the ServiceAccount of " + owner.displayName()
                    + " is needed to ask for its EKS Pod Identity association");
        }
        String account = owner.namespace() + "/" + serviceAccountName;
        String token = tokens.podBoundToken(owner.namespace(), serviceAccountName, PodIdentityAgent.AUDIENCE,
                TOKEN_LIFETIME);
        known.add(token);
        PodIdentityAgent.Session session = podIdentityAgent.session(token);
        known.addAll(session.secrets());
        String description = "EKS Pod Identity association of ServiceAccount " + account + " (agent "
                + podIdentityAgent.uri() + ")";
        chain.session(session.accessKeyId(), session.secretAccessKey(), session.sessionToken(), session.expiration(),
                description);
        return description;
    }

    private Optional<AssumeRoleSpec> assumeRole(String roleArn, AssumeRoleOptions options, String parent,
            String defaultSession) {
        if (roleArn == null) {
            if (options != null) {
                throw new IllegalArgumentException(parent + ".assumeIamRoleOptions is set but " + parent
                        + ".assumeIamRole is not");
            }
            return Optional.empty();
        }
        AssumeRoleOptions o = options == null ? AssumeRoleOptions.none() : options;
        String prefix = parent + ".assumeIamRoleOptions.";
        return Optional.of(AssumeRoleSpec.of(roleArn, o.externalId(), o.sessionName(), o.durationSeconds(),
                defaultSession, new AssumeRoleSpec.Fields(parent + ".assumeIamRole", prefix + "externalId",
                        prefix + "sessionName", prefix + "durationSeconds")));
    }

    private String value(OwnerObject owner, ValueSource source, String path, Set<String> secretNames) {
        if (source == null) {
            throw new IllegalArgumentException(path + " is required");
        }
        if (source.isLiteral()) {
            if (source.value().isEmpty()) {
                throw new IllegalArgumentException(path + ".value is empty");
            }
            return source.value();
        }
        if (!source.isSecretRef()) {
            throw new IllegalArgumentException(path + " must set exactly one of value or valueFromSecret");
        }
        SecretKeyRef ref = source.valueFromSecret();
        if (ref.name() == null || ref.name().isBlank() || ref.key() == null || ref.key().isBlank()) {
            throw new IllegalArgumentException(path + ".valueFromSecret needs both name and key");
        }
        secretNames.add(ref.name());
        return secrets.read(owner.namespace(), ref.name(), ref.key())
                .filter(value -> !value.isBlank())
                .map(String::trim)
                .orElseThrow(() -> new CredentialsUnavailableException(
                        CredentialsUnavailableException.Reason.SECRET_KEY_MISSING, path + ".valueFromSecret",
                        "Secret " + ref.name() + " in namespace " + owner.namespace() + " has no key " + ref.key()
                                + " (or the Secret does not exist, or the value is empty); referenced by " + path
                                + ".valueFromSecret of " + owner.displayName()));
    }
}
