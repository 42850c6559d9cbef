package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.credentials.IdentityCheckException;
import io.triggermesh.aws.auth.credentials.IdentityCheckException.Step;
import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS error codes to verdicts: the one mapping, with SDK exceptions shaped as the SDK builds them. */
class StsFailuresTest {

    private static final OwnerObject OWNER = new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSSQSTarget",
            "events", "orders", "uid-1");
    private static final String ROLE = "arn:aws:iam::210987654321:role/xacct-role";
    private static final String IRSA = "arn:aws:iam::123456789012:role/events-irsa";
    private static final Credentials KEYS = Credentials.keys(ValueSource.fromSecret("aws", "id"),
            ValueSource.fromSecret("aws", "secret"));

    private static IdentityVerdict classify(Step step, StsException e, AwsAuth auth) {
        return StsFailures.classify(new IdentityCheckException(step, e), OWNER, auth, "events-irsa",
                CredentialRedactor.knowing(java.util.List.of("ext-4711")));
    }

    private static StsException error(int status, String code, String message) {
        return (StsException) StsException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage(message).serviceName("Sts").build()).build();
    }

    @Test
    void invalidKeysNameTheSecretNotTheKey() {
        IdentityVerdict verdict = classify(Step.GET_CALLER_IDENTITY,
                error(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
                AwsAuth.ofCredentials(KEYS));
        assertThat(verdict).isInstanceOfSatisfying(IdentityVerdict.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo("InvalidClientTokenId");
            assertThat(r.message()).contains("Secret events/aws", "wrong or was deleted");
        });
    }

    @Test
    void anExpiredSessionTokenNamesItsSecretAndKey() {
        AwsAuth session = AwsAuth.ofCredentials(KEYS.withSessionToken(ValueSource.fromSecret("sts", "token")));
        IdentityVerdict verdict = classify(Step.GET_CALLER_IDENTITY,
                error(400, "ExpiredToken", "The security token included in the request is expired"), session);
        assertThat(((IdentityVerdict.Refused) verdict).message())
                .contains("Secret events/sts (key token)", "aws sts get-session-token");
    }

    @Test
    void aDeniedAssumeRoleNamesTheCallerTheRoleAndThatAnExternalIdIsSetButNotIt() {
        AwsAuth assume = AwsAuth.ofCredentials(KEYS.withAssumeRole(ROLE, new AssumeRoleOptions("ext-4711", null,
                null)));
        IdentityVerdict verdict = classify(Step.CHAIN, error(403, "AccessDenied", "User: "
                + "arn:aws:iam::123456789012:user/events is not authorized to perform: sts:AssumeRole on resource: "
                + ROLE), assume);
        IdentityVerdict.Refused refused = (IdentityVerdict.Refused) verdict;
        assertThat(refused.reason()).isEqualTo("AccessDenied");
        assertThat(refused.message()).contains("trust policy of role " + ROLE,
                "does not let arn:aws:iam::123456789012:user/events assume it", "an ExternalId is set")
                .doesNotContain("ext-4711");
    }

    @Test
    void withIrsaThenAssumeRoleTheRefusedHopIsToldApart() {
        AwsAuth irsaThenRole = AwsAuth.ofIam(Iam.role(IRSA).withAssumeRole(ROLE, null));
        IdentityVerdict webIdentity = classify(Step.CHAIN, error(403, "AccessDenied",
                "Not authorized to perform sts:AssumeRoleWithWebIdentity"), irsaThenRole);
        IdentityVerdict assume = classify(Step.CHAIN, error(403, "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/events-irsa/s is not authorized to perform:"
                        + " sts:AssumeRole on resource: " + ROLE), irsaThenRole);
        assertThat(((IdentityVerdict.Refused) webIdentity).reason()).isEqualTo("WebIdentityRefused");
        assertThat(((IdentityVerdict.Refused) webIdentity).message())
                .contains("system:serviceaccount:events:events-irsa", IRSA);
        assertThat(((IdentityVerdict.Refused) assume).reason()).isEqualTo("AccessDenied");
    }

    @Test
    void anInvalidIdentityTokenIsARefusedWebIdentity() {
        IdentityVerdict verdict = classify(Step.CHAIN, error(400, "InvalidIdentityToken", "No OpenIDConnect provider"
                + " found in your account for https://oidc.example"), AwsAuth.ofIam(Iam.role(IRSA)));
        assertThat(((IdentityVerdict.Refused) verdict).reason()).isEqualTo("WebIdentityRefused");
    }

    @Test
    void throttlingServerErrorsAndNetworkFailuresAreUnanswered() {
        AwsAuth keys = AwsAuth.ofCredentials(KEYS);
        assertThat(classify(Step.GET_CALLER_IDENTITY, error(400, "Throttling", "Rate exceeded"), keys))
                .isInstanceOf(IdentityVerdict.Unanswered.class);
        assertThat(classify(Step.GET_CALLER_IDENTITY, error(503, "ServiceUnavailable", "later"), keys))
                .isInstanceOf(IdentityVerdict.Unanswered.class);
        assertThat(StsFailures.classify(new IdentityCheckException(Step.CHAIN,
                SdkClientException.create("Unable to execute HTTP request: Connection refused")), OWNER, keys, null,
                CredentialRedactor.shapes())).isInstanceOf(IdentityVerdict.Unanswered.class);
    }

    @Test
    void aCodeTheSdkCouldNotParseIsReadFromTheRawReply() {
        // moto nests the error one level deeper than AWS, and the SDK then finds no code.
        StsException nested = (StsException) StsException.builder().statusCode(403).awsErrorDetails(
                AwsErrorDetails.builder().rawResponse(SdkBytes.fromString("<ErrorResponse><Errors><Error><Code>"
                        + "InvalidClientTokenId</Code><Message>invalid</Message></Error></Errors></ErrorResponse>",
                        StandardCharsets.UTF_8)).build()).build();
        assertThat(((IdentityVerdict.Refused) classify(Step.GET_CALLER_IDENTITY, nested,
                AwsAuth.ofCredentials(KEYS))).reason()).isEqualTo("InvalidClientTokenId");
    }
}
