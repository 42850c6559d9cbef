package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.auth.credentials.IdentityCheckException;
import io.triggermesh.aws.auth.env.OwnedSecret;
import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where STS's answers to an identity check become verdicts: which error code means which mistake,
 * and the fix-it message for it, built from the object's own spec (Secret names, role ARNs, the ServiceAccount),
 * never from a credential value. AWS's own message is quoted only through the identity's redactor.
 */
final class StsFailures {

    static final String INVALID_CLIENT_TOKEN_ID = "InvalidClientTokenId";
    static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
    static final String EXPIRED_TOKEN = "ExpiredToken";
    static final String ACCESS_DENIED = "AccessDenied";
    static final String WEB_IDENTITY_REFUSED = "WebIdentityRefused";

    private static final Set<String> INVALID_KEY = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "InvalidAccessKeyId");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException",
            "TokenRefreshRequired");
    private static final Set<String> WEB_IDENTITY = Set.of("InvalidIdentityToken", "IDPRejectedClaim");
    private static final Set<String> TRANSIENT = Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
            "IDPCommunicationError", "ServiceUnavailable", "InternalFailure");
    /** AWS names the refused caller in AssumeRole denials: "User: arn:... is not authorized to perform ...". */
    private static final Pattern CALLER = Pattern.compile("User: (arn:[\\w+=,.@:/-]+) is not authorized");

    private StsFailures() {
    }

    static IdentityVerdict classify(IdentityCheckException failure, OwnerObject owner, AwsAuth auth,
                                    String serviceAccountName, CredentialRedactor redactor) {
        SdkException cause = failure.getCause();
        if (!(cause instanceof AwsServiceException aws) || aws.awsErrorDetails() == null) {
            return new IdentityVerdict.Unanswered("STS could not be reached to check the identity, will retry: "
                    + redactor.redact(String.valueOf(cause.getMessage())));
        }
        String code = read(aws, aws.awsErrorDetails().errorCode(), "Code").orElse("HTTP" + aws.statusCode());
        String awsMessage = redactor.redact(read(aws, aws.awsErrorDetails().errorMessage(), "Message").orElse(""));
        if (TRANSIENT.contains(code) || aws.isThrottlingException() || aws.statusCode() >= 500) {
            return new IdentityVerdict.Unanswered("STS did not answer the identity check (" + code
                    + "), will retry: " + awsMessage);
        }
        boolean keys = auth.credentials() != null;
        if (keys && INVALID_KEY.contains(code)) {
            return new IdentityVerdict.Refused(INVALID_CLIENT_TOKEN_ID, "AWS does not know the access key ID in "
                    + keySource(owner, auth.credentials()) + " (" + code + "): the key is wrong or was deleted. "
                    + "Put an active key pair in it (`aws iam list-access-keys --user-name <user>` lists a user's "
                    + "keys); the adapter picks it up at the next rollout");
        }
        if (keys && SIGNATURE_DOES_NOT_MATCH.equals(code)) {
            return new IdentityVerdict.Refused(SIGNATURE_DOES_NOT_MATCH, "the secret access key in "
                    + keySource(owner, auth.credentials()) + " does not belong to its access key ID (" + code
                    + "); put the matching pair in it");
        }
        if (keys && EXPIRED.contains(code)) {
            return new IdentityVerdict.Refused(EXPIRED_TOKEN, expired(owner, auth.credentials()));
        }
        if (failure.step() == IdentityCheckException.Step.CHAIN && auth.iam() != null && auth.iam().roleArn() != null
                && (WEB_IDENTITY.contains(code) || EXPIRED.contains(code) || ACCESS_DENIED.equals(code)
                && (auth.iam().assumeIamRole() == null || awsMessage.contains("AssumeRoleWithWebIdentity")))) {
            return new IdentityVerdict.Refused(WEB_IDENTITY_REFUSED, webIdentityRefused(owner, auth,
                    serviceAccountName, code));
        }
        if (failure.step() == IdentityCheckException.Step.CHAIN && ACCESS_DENIED.equals(code)) {
            return new IdentityVerdict.Refused(ACCESS_DENIED, assumeDenied(owner, auth, awsMessage));
        }
        return new IdentityVerdict.Refused(code, "AWS refused the identity check of " + AuthMode.of(auth).label()
                + " credentials (" + code + "): " + awsMessage);
    }

    /**
     * A field of the error as the SDK parsed it, else read from the raw reply: some STS look-alikes (moto) nest the
     * error one level deeper ({@code <Errors><Error>}) than the SDK's parser reads.
     */
    private static Optional<String> read(AwsServiceException aws, String parsed, String element) {
        if (parsed != null && !parsed.isBlank()) {
            return Optional.of(parsed);
        }
        SdkBytes raw = aws.awsErrorDetails().rawResponse();
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("<" + element + ">([^<]{1,2000})</" + element + ">").matcher(raw.asUtf8String());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String expired(OwnerObject owner, Credentials credentials) {
        ValueSource token = credentials.sessionToken();
        String where = token != null && token.isSecretRef()
                ? "Secret " + owner.namespace() + "/" + token.valueFromSecret().name() + " (key "
                        + token.valueFromSecret().key() + ")"
                : keySource(owner, credentials);
        String secretName = token != null && token.isSecretRef() ? token.valueFromSecret().name() : "<secret>";
        return "the session token in " + where + " has expired (ExpiredToken); neither the controller nor the "
                + "adapter can renew it. Get new temporary credentials (for example `aws sts get-session-token`) "
                + "and put all three values in the Secret: `kubectl -n " + owner.namespace() + " create secret "
                + "generic " + secretName + " --from-literal=<key>=... --dry-run=client -o yaml | kubectl apply -f -`"
                + "; or switch to iam, or to long-lived keys with assumeIamRole, which renew themselves";
    }

    private static String webIdentityRefused(OwnerObject owner, AwsAuth auth, String serviceAccountName,
                                             String code) {
        String account = owner.namespace() + "/" + serviceAccountName;
        return "STS refused the token of ServiceAccount " + account + " for role " + auth.iam().roleArn() + " ("
                + code + "): the role's trust policy does not name this cluster's OIDC provider, or its conditions "
                + "do not match this ServiceAccount. The trust policy needs a Federated principal "
                + "arn:aws:iam::<account>:oidc-provider/<issuer> for this cluster (`aws iam "
                + "list-open-id-connect-providers`), with `<issuer>:sub` = system:serviceaccount:"
                + owner.namespace() + ":" + serviceAccountName + " and `<issuer>:aud` = sts.amazonaws.com";
    }

    private static String assumeDenied(OwnerObject owner, AwsAuth auth, String awsMessage) {
        boolean keys = auth.credentials() != null;
        String role = keys ? auth.credentials().assumeIamRole() : auth.iam().assumeIamRole();
        AssumeRoleOptions options = keys ? auth.credentials().assumeIamRoleOptions()
                : auth.iam().assumeIamRoleOptions();
        String field = keys ? "spec.auth.credentials" : "spec.auth.iam";
        Matcher caller = CALLER.matcher(awsMessage);
        String base = caller.find() ? caller.group(1)
                : keys ? "the identity of the keys in " + keySource(owner, auth.credentials())
                : auth.iam().roleArn() != null ? "role " + auth.iam().roleArn()
                : "the role of the EKS Pod Identity association of the object's ServiceAccount";
        StringBuilder message = new StringBuilder("the trust policy of role ").append(role)
                .append(" does not let ").append(base).append(" assume it (sts:AssumeRole AccessDenied)");
        if (options != null && options.externalId() != null) {
            message.append("; an ExternalId is set (").append(field).append(".assumeIamRoleOptions.externalId): the ")
                    .append("trust policy's sts:ExternalId condition must equal it");
        }
        message.append(". Add ").append(base).append(" as a Principal of the role's trust policy with Action "
                + "sts:AssumeRole, and give it sts:AssumeRole on the role");
        return message.toString();
    }

    /** Where the keys come from, by Secret name and key, never by value. */
    private static String keySource(OwnerObject owner, Credentials credentials) {
        Set<String> secrets = new TreeSet<>();
        boolean literal = false;
        for (ValueSource value : new ValueSource[] {credentials.accessKeyID(), credentials.secretAccessKey(),
                credentials.sessionToken()}) {
            if (value != null && value.isSecretRef()) {
                secrets.add(owner.namespace() + "/" + value.valueFromSecret().name());
            } else if (value != null) {
                literal = true;
            }
        }
        if (literal) {
            secrets.add(owner.namespace() + "/" + OwnedSecret.nameFor(owner) + " (the literal values of spec.auth"
                    + ".credentials)");
        }
        return (secrets.size() == 1 ? "Secret " : "Secrets ") + String.join(", ", secrets);
    }
}
