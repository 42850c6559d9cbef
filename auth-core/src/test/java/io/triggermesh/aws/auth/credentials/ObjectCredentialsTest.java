package io.triggermesh.aws.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;

/** Chain selection, errors and status descriptions on the controller side; no AWS call is made. */
class ObjectCredentialsTest {

    private static final OwnerObject OWNER = new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSS3Source",
            "team-a", "orders", "uid-1");
    private static final String ROLE = "arn:aws:iam::123456789012:role/s3-source";
    private static final String OTHER_ROLE = "arn:aws:iam::111111111111:role/cross-account";
    private static final String KEY_CANARY = "AKIACANARYKEY0000002";
    private static final String SECRET_CANARY = "CANARY-secret-5a7c0e";
    private static final String TOKEN_CANARY = "CANARY-token-19bd44";

    private final Map<String, String> secretData = new HashMap<>();
    private final SecretReader secrets = (namespace, name, key) ->
            Optional.ofNullable(secretData.get(namespace + "/" + name + "/" + key));
    private final AtomicInteger mints = new AtomicInteger();
    private final ServiceAccountTokenSource tokens = (namespace, sa, audience, lifetime) ->
            "token-" + mints.incrementAndGet();

    @Test
    void objectKeysFromASecretAreTheControllersCredentials() {
        secretData.put("team-a/aws/AWS_ACCESS_KEY_ID", "AKIAOBJECT");
        secretData.put("team-a/aws/AWS_SECRET_ACCESS_KEY", "object-secret");

        try (ResolvedIdentity identity = resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, AwsAuth.ofCredentials(
                Credentials.keys(ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"),
                        ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY"))))) {
            assertThat(identity.handle().provider()).isInstanceOf(StaticCredentialsProvider.class);
            assertThat(identity.handle().provider().resolveCredentials().accessKeyId()).isEqualTo("AKIAOBJECT");
            assertThat(identity.description()).isEqualTo("object credentials (Secret aws)");
        }
    }

    @Test
    void objectSessionTokenIsSentWithTheKeys() {
        secretData.put("team-a/aws/AWS_SESSION_TOKEN", "session-token");
        Credentials credentials = Credentials.keys(ValueSource.literal("ASIAOBJECT"), ValueSource.literal("secret"))
                .withSessionToken(ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN"));

        try (ResolvedIdentity identity = resolve(IdentityChoice.OBJECT_IDENTITY_ONLY,
                AwsAuth.ofCredentials(credentials))) {
            assertThat(identity.handle().provider().resolveCredentials()).isInstanceOfSatisfying(
                    AwsSessionCredentials.class, s -> assertThat(s.sessionToken()).isEqualTo("session-token"));
            assertThat(identity.description()).isEqualTo("object credentials + session token (Secret aws)");
        }
    }

    @Test
    void objectKeysThenAssumeIamRoleForCrossAccountImpersonation() {
        Credentials credentials = Credentials.keys(ValueSource.literal("AKIAOBJECT"), ValueSource.literal("secret"))
                .withAssumeRole(OTHER_ROLE, new AssumeRoleOptions("ext-1", null, 900));

        try (ResolvedIdentity identity = resolve(IdentityChoice.OBJECT_IDENTITY_ONLY,
                AwsAuth.ofCredentials(credentials))) {
            assertThat(identity.handle().provider()).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
            assertThat(identity.description())
                    .isEqualTo("object credentials (inline values) → assume role " + OTHER_ROLE + " with ExternalId");
            assertThat(identity.handle().description())
                    .isEqualTo("static keys → assume role " + OTHER_ROLE + " with ExternalId");
        }
    }

    @Test
    void theIdentitysRedactorMasksTheObjectsValuesInPlay() {
        secretData.put("team-a/aws/AWS_SECRET_ACCESS_KEY", SECRET_CANARY);
        secretData.put("team-a/aws/AWS_SESSION_TOKEN", TOKEN_CANARY);
        // A key id without the AKIA shape (emulators accept any) is masked because it is known.
        Credentials credentials = Credentials.keys(ValueSource.literal("object-key-id"),
                        ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY"))
                .withSessionToken(ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN"))
                .withAssumeRole(OTHER_ROLE, new AssumeRoleOptions("external-id-7", null, 900));

        try (ResolvedIdentity identity = resolve(IdentityChoice.OBJECT_IDENTITY_ONLY,
                AwsAuth.ofCredentials(credentials))) {
            String echoed = "key object-key-id, secret " + SECRET_CANARY + ", token " + TOKEN_CANARY
                    + ", ExternalId external-id-7, Credential=ASIAQX7EXAMPLE2KEYID/20261204/us-east-1/sts";
            assertThat(identity.redactor().redact(echoed)).isEqualTo("key ***, secret ***, token ***,"
                    + " ExternalId ***, Credential=***/20261204/us-east-1/sts");
            assertThat(identity.toString()).doesNotContain(SECRET_CANARY, TOKEN_CANARY, "external-id-7");
        }
    }

    @Test
    void iamRoleIsUsedThroughATokenOfTheObjectsServiceAccount() {
        try (ResolvedIdentity identity = resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, AwsAuth.ofIam(Iam.role(ROLE)))) {
            assertThat(identity.handle().provider())
                    .isInstanceOf(StsAssumeRoleWithWebIdentityCredentialsProvider.class);
            assertThat(identity.description())
                    .isEqualTo("object role " + ROLE + " via ServiceAccount awss3source-i-orders token");
            assertThat(identity.handle().description()).isEqualTo("web identity (" + ROLE
                    + ") from ServiceAccount team-a/awss3source-i-orders");
            assertThat(mints).as("tokens are minted when STS is called, not when the chain is built").hasValue(0);
        }
    }

    @Test
    void iamRoleThenAssumeIamRole() {
        Iam iam = Iam.role(ROLE).withAssumeRole(OTHER_ROLE, null);

        try (ResolvedIdentity identity = resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, AwsAuth.ofIam(iam))) {
            assertThat(identity.handle().provider()).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
            assertThat(identity.description()).isEqualTo("object role " + ROLE
                    + " via ServiceAccount awss3source-i-orders token → assume role " + OTHER_ROLE);
        }
    }

    @Test
    void iamWithoutRoleArnIsRefusedUnlessTheOperatorOptedIn() {
        AwsAuth auth = AwsAuth.ofIam(Iam.of(null, "shared-sa"));

        assertThatThrownBy(() -> resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, auth))
                .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CredentialsUnavailableException.Reason.NO_OBJECT_IDENTITY);
                    assertThat(e.fieldPath()).isEqualTo("spec.auth.iam.roleArn");
                })
                .hasMessageContaining("AWSS3Source/team-a/orders");
    }

    @Test
    void iamWithoutRoleArnUsesTheControllerIdentityWhenOptedIn() {
        try (ResolvedIdentity identity = resolve(IdentityChoice.CONTROLLER_IDENTITY_OPT_IN,
                AwsAuth.ofIam(Iam.of(null, "shared-sa")))) {
            assertThat(identity.handle().provider()).isInstanceOf(DefaultCredentialsProvider.class);
            assertThat(identity.description()).isEqualTo("controller identity (opt-in)");
        }
    }

    @Test
    void controllerIdentityCanAssumeTheObjectsRole() {
        try (ResolvedIdentity identity = resolve(IdentityChoice.CONTROLLER_IDENTITY_OPT_IN,
                AwsAuth.ofIam(new Iam(null, "shared-sa", OTHER_ROLE, null)))) {
            assertThat(identity.description()).isEqualTo("controller identity (opt-in) → assume role " + OTHER_ROLE);
        }
    }

    @Test
    void missingSecretKeyNamesSecretKeyAndFieldButNoValue() {
        secretData.put("team-a/aws/AWS_ACCESS_KEY_ID", KEY_CANARY);

        assertThatThrownBy(() -> resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, AwsAuth.ofCredentials(
                Credentials.keys(ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"),
                        ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY")))))
                .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CredentialsUnavailableException.Reason.SECRET_KEY_MISSING);
                    assertThat(e.fieldPath()).isEqualTo("spec.auth.credentials.secretAccessKey.valueFromSecret");
                })
                .hasMessageContaining("Secret aws in namespace team-a has no key AWS_SECRET_ACCESS_KEY")
                .hasMessageContaining("spec.auth.credentials.secretAccessKey.valueFromSecret")
                .hasMessageNotContaining(KEY_CANARY);
    }

    @Test
    void emptySecretValueCountsAsMissing() {
        secretData.put("team-a/aws/AWS_ACCESS_KEY_ID", "");

        assertThatThrownBy(() -> resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, AwsAuth.ofCredentials(
                Credentials.keys(ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"), ValueSource.literal("s")))))
                .isInstanceOf(CredentialsUnavailableException.class)
                .hasMessageContaining("has no key AWS_ACCESS_KEY_ID");
    }

    @Test
    void authBlockWithBothOrNeitherModeIsRejected() {
        assertThatThrownBy(() -> resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, new AwsAuth(null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.auth must set exactly one of credentials or iam");
    }

    @Test
    void missingRequiredKeyFieldIsRejectedByPath() {
        assertThatThrownBy(() -> resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, AwsAuth.ofCredentials(
                Credentials.keys(ValueSource.literal("AKIA"), null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.auth.credentials.secretAccessKey is required");
    }

    @Test
    void assumeRoleOptionsAreValidatedByPath() {
        Credentials credentials = Credentials.keys(ValueSource.literal("AKIA"), ValueSource.literal("s"))
                .withAssumeRole(OTHER_ROLE, new AssumeRoleOptions(null, null, 100_000));

        assertThatThrownBy(() -> resolve(IdentityChoice.OBJECT_IDENTITY_ONLY, AwsAuth.ofCredentials(credentials)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spec.auth.credentials.assumeIamRoleOptions.durationSeconds must be between");
    }

    @Test
    void iamRoleNeedsTheServiceAccountName() {
        assertThatThrownBy(() -> new ObjectCredentials(secrets, tokens, AwsEndpoints.of(Region.US_EAST_1),
                IdentityChoice.OBJECT_IDENTITY_ONLY).resolve(OWNER, AwsAuth.ofIam(Iam.role(ROLE)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ServiceAccount of AWSS3Source/team-a/orders");
    }

    @Test
    void descriptionsAndToStringNeverContainSecrets() {
        secretData.put("team-a/aws/id", KEY_CANARY);
        secretData.put("team-a/aws/secret", SECRET_CANARY);
        secretData.put("team-a/aws/token", TOKEN_CANARY);
        Credentials credentials = Credentials.keys(ValueSource.fromSecret("aws", "id"),
                ValueSource.fromSecret("aws", "secret")).withSessionToken(ValueSource.fromSecret("aws", "token"));

        try (ResolvedIdentity identity = resolve(IdentityChoice.OBJECT_IDENTITY_ONLY,
                AwsAuth.ofCredentials(credentials))) {
            for (String canary : new String[] {KEY_CANARY, SECRET_CANARY, TOKEN_CANARY}) {
                assertThat(identity.description()).doesNotContain(canary);
                assertThat(identity.toString()).doesNotContain(canary);
                assertThat(identity.handle().description()).doesNotContain(canary);
            }
        }
    }

    private ResolvedIdentity resolve(IdentityChoice choice, AwsAuth auth) {
        return new ObjectCredentials(secrets, tokens, AwsEndpoints.of(Region.US_EAST_1), choice)
                .resolve(OWNER, auth, "awss3source-i-orders");
    }
}
