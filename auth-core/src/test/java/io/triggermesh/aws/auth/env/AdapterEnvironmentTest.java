package io.triggermesh.aws.auth.env;

import static io.triggermesh.aws.spi.AdapterEnv.AWS_ACCESS_KEY_ID;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_ARN;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_DURATION_SECONDS;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_EXTERNAL_ID;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_ASSUME_ROLE_SESSION_NAME;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_SECRET_ACCESS_KEY;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_SESSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.SecretKeyRef;
import io.triggermesh.aws.auth.model.ValueSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter env for each way a user can authenticate (docs/auth.md). */
class AdapterEnvironmentTest {

    static final OwnerObject SQS_TARGET = new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSSQSTarget",
            "team-a", "triggermesh-aws-sqs", "0b9f6a57-0000-4000-8000-000000000001");
    static final String ROLE = "arn:aws:iam::123456789012:role/cross-account";
    static final String KEY_ID_CANARY = "AKIACANARYKEYID00001";
    static final String SECRET_CANARY = "canary-secret-access-key-do-not-leak";
    static final String TOKEN_CANARY = "canary-session-token-do-not-leak";

    static AwsAuth keysFromSecret() {
        return AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"),
                ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY")));
    }

    static AwsAuth literalKeys() {
        return AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.literal(KEY_ID_CANARY), ValueSource.literal(SECRET_CANARY)));
    }

    @Test
    void staticAccessKeyFromSecretIsRenderedAsSecretKeyRefs() {
        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, keysFromSecret());

        assertThat(plan.env()).containsExactly(
                EnvVar.fromSecret(AWS_ACCESS_KEY_ID, "aws", "AWS_ACCESS_KEY_ID"),
                EnvVar.fromSecret(AWS_SECRET_ACCESS_KEY, "aws", "AWS_SECRET_ACCESS_KEY"));
        assertThat(plan.ownedSecret()).isEmpty();
        assertThat(plan.referencedSecretNames()).containsExactly("aws");
    }

    @Test
    void temporaryCredentialsWithSessionTokenFromSecretAreRenderedAsSecretKeyRefs() {
        // The page's AWSSQSTarget example: accessKeyID, secretAccessKey and sessionToken in Secret "aws".
        AwsAuth auth = AwsAuth.ofCredentials(Credentials.keys(
                        ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"),
                        ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY"))
                .withSessionToken(ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN")));

        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, auth);

        assertThat(plan.env()).containsExactly(
                EnvVar.fromSecret(AWS_ACCESS_KEY_ID, "aws", "AWS_ACCESS_KEY_ID"),
                EnvVar.fromSecret(AWS_SECRET_ACCESS_KEY, "aws", "AWS_SECRET_ACCESS_KEY"),
                EnvVar.fromSecret(AWS_SESSION_TOKEN, "aws", "AWS_SESSION_TOKEN"));
        assertThat(plan.ownedSecret()).isEmpty();
    }

    @Test
    void literalCredentialsMoveIntoAnOwnedSecretAndNeverIntoEnv() {
        AwsAuth auth = AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.literal(KEY_ID_CANARY), ValueSource.literal(SECRET_CANARY))
                .withSessionToken(ValueSource.literal(TOKEN_CANARY)));

        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, auth);

        String owned = "awssqstarget-triggermesh-aws-sqs-aws-credentials";
        assertThat(plan.ownedSecret()).hasValue(new OwnedSecret(owned, Map.of(
                AWS_ACCESS_KEY_ID, KEY_ID_CANARY,
                AWS_SECRET_ACCESS_KEY, SECRET_CANARY,
                AWS_SESSION_TOKEN, TOKEN_CANARY)));
        assertThat(plan.env()).containsExactly(
                EnvVar.fromSecret(AWS_ACCESS_KEY_ID, owned, AWS_ACCESS_KEY_ID),
                EnvVar.fromSecret(AWS_SECRET_ACCESS_KEY, owned, AWS_SECRET_ACCESS_KEY),
                EnvVar.fromSecret(AWS_SESSION_TOKEN, owned, AWS_SESSION_TOKEN));
        assertNoCanaryOutsideOwnedSecretData(plan);
    }

    @Test
    void keyIdFromSecretWithLiteralSecretKeyOwnsOnlyTheLiteral() {
        AwsAuth auth = AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.fromSecret("aws", "id"), ValueSource.literal(SECRET_CANARY)));

        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, auth);

        String owned = OwnedSecret.nameFor(SQS_TARGET);
        assertThat(plan.env()).containsExactly(
                EnvVar.fromSecret(AWS_ACCESS_KEY_ID, "aws", "id"),
                EnvVar.fromSecret(AWS_SECRET_ACCESS_KEY, owned, AWS_SECRET_ACCESS_KEY));
        assertThat(plan.ownedSecret()).get().extracting(OwnedSecret::data)
                .isEqualTo(Map.of(AWS_SECRET_ACCESS_KEY, SECRET_CANARY));
        assertThat(plan.referencedSecretNames()).containsExactly("aws", owned);
        assertNoCanaryOutsideOwnedSecretData(plan);
    }

    @Test
    void crossAccountAssumeRoleWithLiteralKeysRendersRoleAndDefaultSessionName() {
        // The page's cross-account example: literal keys plus assumeIamRole.
        AwsAuth auth = AwsAuth.ofCredentials(Credentials.keys(
                        ValueSource.literal(KEY_ID_CANARY), ValueSource.literal(SECRET_CANARY))
                .withAssumeRole(ROLE, null));

        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, auth);

        assertThat(plan.env()).extracting(EnvVar::name).containsExactly(
                AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ASSUME_ROLE_ARN, AWS_ASSUME_ROLE_SESSION_NAME);
        assertThat(plan.find(AWS_ASSUME_ROLE_ARN)).hasValue(EnvVar.plain(AWS_ASSUME_ROLE_ARN, ROLE));
        assertThat(plan.find(AWS_ASSUME_ROLE_SESSION_NAME)).hasValue(
                EnvVar.plain(AWS_ASSUME_ROLE_SESSION_NAME, "triggermesh-team-a-triggermesh-aws-sqs"));
        assertThat(plan.ownedSecret()).isPresent();
        assertNoCanaryOutsideOwnedSecretData(plan);
    }

    @Test
    void assumeRoleOptionsAreRenderedAsPlainValues() {
        AwsAuth auth = AwsAuth.ofCredentials(keysFromSecret().credentials()
                .withAssumeRole(ROLE, new AssumeRoleOptions("ext-42", "nightly-sync", 1800)));

        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, auth);

        assertThat(plan.env().subList(2, plan.env().size())).containsExactly(
                EnvVar.plain(AWS_ASSUME_ROLE_ARN, ROLE),
                EnvVar.plain(AWS_ASSUME_ROLE_EXTERNAL_ID, "ext-42"),
                EnvVar.plain(AWS_ASSUME_ROLE_SESSION_NAME, "nightly-sync"),
                EnvVar.plain(AWS_ASSUME_ROLE_DURATION_SECONDS, "1800"));
    }

    @Test
    void durationAndExternalIdAreRenderedOnlyWhenSet() {
        AwsAuth auth = AwsAuth.ofCredentials(keysFromSecret().credentials()
                .withAssumeRole(ROLE, AssumeRoleOptions.none()));

        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, auth);

        assertThat(plan.find(AWS_ASSUME_ROLE_DURATION_SECONDS)).isEmpty();
        assertThat(plan.find(AWS_ASSUME_ROLE_EXTERNAL_ID)).isEmpty();
        assertThat(plan.find(AWS_ASSUME_ROLE_SESSION_NAME)).isPresent();
    }

    @Test
    void defaultSessionNameIsTruncatedToSixtyFourAllowedCharacters() {
        OwnerObject longName = new OwnerObject("v1", "AWSS3Source", "a-rather-long-namespace-name",
                "an-even-longer-object-name-that-goes-on-and-on.with.dots", "uid");

        String sessionName = AdapterEnvironment.defaultSessionName(longName);

        assertThat(sessionName).hasSize(AdapterEnvironment.MAX_SESSION_NAME_LENGTH)
                .startsWith("triggermesh-a-rather-long-namespace-name-an-even")
                .matches("[\\w+=,.@-]{2,64}");
    }

    @Test
    void iamRoleFromEksRendersNoCredentialEnv() {
        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET,
                AwsAuth.ofIam(Iam.role("arn:aws:iam::123456789012:role/aws-s3-target-role")));

        assertThat(plan.env()).isEmpty();
        assertThat(plan.ownedSecret()).isEmpty();
    }

    @Test
    void iamWithOnlyAServiceAccountRendersNoCredentialEnv() {
        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, AwsAuth.ofIam(Iam.of(null, "shared-sa")));

        assertThat(plan.env()).isEmpty();
        assertThat(plan.ownedSecret()).isEmpty();
    }

    @Test
    void iamWithAssumeRoleRendersOnlyTheAssumeRoleEnv() {
        AwsAuth auth = AwsAuth.ofIam(Iam.role("arn:aws:iam::111111111111:role/irsa")
                .withAssumeRole(ROLE, new AssumeRoleOptions("ext", null, 900)));

        AdapterEnvPlan plan = AdapterEnvironment.render(SQS_TARGET, auth);

        assertThat(plan.env()).containsExactly(
                EnvVar.plain(AWS_ASSUME_ROLE_ARN, ROLE),
                EnvVar.plain(AWS_ASSUME_ROLE_EXTERNAL_ID, "ext"),
                EnvVar.plain(AWS_ASSUME_ROLE_SESSION_NAME, "triggermesh-team-a-triggermesh-aws-sqs"),
                EnvVar.plain(AWS_ASSUME_ROLE_DURATION_SECONDS, "900"));
        assertThat(plan.ownedSecret()).isEmpty();
    }

    @Test
    void switchingFromLiteralKeysToIamWantsNoOwnedSecret() {
        assertThat(AdapterEnvironment.render(SQS_TARGET, literalKeys()).ownedSecret()).isPresent();

        AdapterEnvPlan afterSwitch = AdapterEnvironment.render(SQS_TARGET,
                AwsAuth.ofIam(Iam.role("arn:aws:iam::123456789012:role/irsa")));

        assertThat(afterSwitch.ownedSecret()).isEmpty();
        assertThat(afterSwitch.referencedSecretNames()).isEmpty();
    }

    @Test
    void renderingTwiceGivesTheSameEnvInTheSameOrder() {
        AwsAuth auth = AwsAuth.ofCredentials(Credentials.keys(
                        ValueSource.literal(KEY_ID_CANARY), ValueSource.fromSecret("aws", "secret"))
                .withSessionToken(ValueSource.literal(TOKEN_CANARY))
                .withAssumeRole(ROLE, new AssumeRoleOptions("ext", "name", 3600)));

        AdapterEnvPlan first = AdapterEnvironment.render(SQS_TARGET, auth);
        AdapterEnvPlan second = AdapterEnvironment.render(SQS_TARGET, auth);

        assertThat(second).isEqualTo(first);
        assertThat(first.env()).extracting(EnvVar::name).containsExactly(
                AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_ASSUME_ROLE_ARN,
                AWS_ASSUME_ROLE_EXTERNAL_ID, AWS_ASSUME_ROLE_SESSION_NAME, AWS_ASSUME_ROLE_DURATION_SECONDS);
        assertThat(first.ownedSecret().orElseThrow().data().keySet())
                .containsExactly(AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN);
    }

    @Test
    void authWithBothOrNeitherModeIsRefused() {
        AwsAuth both = new AwsAuth(literalKeys().credentials(), Iam.role(ROLE));

        assertThatThrownBy(() -> AdapterEnvironment.render(SQS_TARGET, both))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of credentials or iam")
                .hasMessageNotContaining(SECRET_CANARY);
        assertThatThrownBy(() -> AdapterEnvironment.render(SQS_TARGET, new AwsAuth(null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueWithBothLiteralAndSecretIsRefusedWithoutEchoingIt() {
        AwsAuth auth = AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.fromSecret("aws", "id"), new ValueSource(SECRET_CANARY, new SecretKeyRef("aws", "k"))));

        assertThatThrownBy(() -> AdapterEnvironment.render(SQS_TARGET, auth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secretAccessKey")
                .hasMessageNotContaining(SECRET_CANARY);
    }

    @Test
    void missingSecretAccessKeyIsRefused() {
        AwsAuth auth = AwsAuth.ofCredentials(Credentials.keys(ValueSource.fromSecret("aws", "id"), null));

        assertThatThrownBy(() -> AdapterEnvironment.render(SQS_TARGET, auth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secretAccessKey is required");
    }


    /** The literal credentials may only appear as the owned Secret's data: not in env, not in any toString. */
    private static void assertNoCanaryOutsideOwnedSecretData(AdapterEnvPlan plan) {
        String[] canaries = {KEY_ID_CANARY, SECRET_CANARY, TOKEN_CANARY};
        for (EnvVar var : plan.env()) {
            if (List.of(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN).contains(var.name())) {
                assertThat(var.isSecretRef()).as(var.name()).isTrue();
            }
            assertThat(String.valueOf(var.value())).doesNotContain(canaries);
            assertThat(var.toString()).doesNotContain(canaries);
        }
        assertThat(plan.toString()).doesNotContain(canaries);
        plan.ownedSecret().ifPresent(secret -> assertThat(secret.toString()).doesNotContain(canaries));
    }
}
