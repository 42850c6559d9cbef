package io.triggermesh.aws.auth.credentials;

import static io.triggermesh.aws.auth.credentials.EmulatorIam.ACCOUNT;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.OTHER_ACCOUNT;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.allow;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.assumedRoleArn;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.roleArn;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.trust;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.trustWebIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.testing.AwsEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/**
 * The controller acting as the object, against the emulator: each test resolves an object's {@code spec.auth} and
 * proves with sts:GetCallerIdentity which identity the emulator saw.
 */
class ObjectCredentialsIT {

    private static final OwnerObject OWNER = new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSS3Source",
            "team-a", "orders", "uid-1");
    private static final String SERVICE_ACCOUNT = "awss3source-i-orders";

    private final AwsEmulator emulator = AwsEmulator.shared();
    private final CountingTokenSource tokens = new CountingTokenSource();
    private final StsCallRecorder factorySts = new StsCallRecorder();
    private EmulatorIam iam;

    /** A ServiceAccountTokenSource fake: numbered tokens, every mint recorded. */
    static final class CountingTokenSource implements ServiceAccountTokenSource {
        record Mint(String namespace, String serviceAccount, String audience, Duration lifetime) {
        }

        final List<Mint> mints = new CopyOnWriteArrayList<>();

        @Override
        public String token(String namespace, String serviceAccountName, String audience, Duration lifetime) {
            mints.add(new Mint(namespace, serviceAccountName, audience, lifetime));
            return "sa-token-" + mints.size();
        }
    }

    @BeforeEach
    void freshEmulator() {
        emulator.assumeMoto();
        emulator.reset();
        iam = new EmulatorIam(emulator);
    }

    @AfterEach
    void enforcementOff() {
        emulator.disableIamEnforcement();
        iam.close();
    }

    @Test
    void objectCredentialsFromASecretActAsTheObjectsIamUser() {
        EmulatorIam.User user = iam.createUser("object-user", allow("sqs:*", "*"));
        SecretReader secrets = secret("team-a", "aws", Map.of("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey()));
        emulator.enableIamEnforcement();

        try (ResolvedIdentity identity = factory(secrets, IdentityChoice.OBJECT_IDENTITY_ONLY, StsOptions.DEFAULT)
                .resolve(OWNER, AwsAuth.ofCredentials(Credentials.keys(
                        ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"),
                        ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY"))), SERVICE_ACCOUNT)) {
            assertThat(iam.callerArn(identity.handle().provider()))
                    .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/object-user");
            assertThat(identity.description()).isEqualTo("object credentials (Secret aws)");
        }
    }

    @Test
    void objectCredentialsAssumeIamRoleInAnotherAccount() {
        String role = iam.createRole(OTHER_ACCOUNT, "cross-account", trust("*"), allow("sqs:*", "*"));
        EmulatorIam.User user = iam.createUser("object-user", allow("sts:AssumeRole", role));

        try (ResolvedIdentity identity = factory(secret("team-a", "none", Map.of()),
                IdentityChoice.OBJECT_IDENTITY_ONLY, StsOptions.DEFAULT).resolve(OWNER, AwsAuth.ofCredentials(
                        Credentials.keys(ValueSource.literal(user.keys().accessKeyId()),
                                ValueSource.literal(user.keys().secretAccessKey())).withAssumeRole(role, null)),
                SERVICE_ACCOUNT)) {
            assertThat(iam.callerArn(identity.handle().provider()))
                    .isEqualTo(assumedRoleArn(OTHER_ACCOUNT, "cross-account", "triggermesh-team-a-orders"));
        }
    }

    @Test
    void iamRoleIsExchangedForAServiceAccountTokenOnceForManyRequests() {
        String role = iam.createRole(ACCOUNT, "s3-source", trustWebIdentity(), allow("sqs:*", "*"));

        try (ResolvedIdentity identity = factory(secret("team-a", "none", Map.of()),
                IdentityChoice.OBJECT_IDENTITY_ONLY, StsOptions.DEFAULT.withInterceptors(factorySts))
                .resolve(OWNER, AwsAuth.ofIam(Iam.role(role)), SERVICE_ACCOUNT)) {
            StsClient probe = iam.sts(identity.handle().provider());
            for (int i = 0; i < 20; i++) {
                assertThat(probe.getCallerIdentity().arn())
                        .isEqualTo(assumedRoleArn(ACCOUNT, "s3-source", "triggermesh-team-a-orders"));
            }

            assertThat(tokens.mints).containsExactly(new CountingTokenSource.Mint("team-a", SERVICE_ACCOUNT,
                    "sts.amazonaws.com", Duration.ofMinutes(10)));
            assertThat(factorySts.requests(AssumeRoleWithWebIdentityRequest.class))
                    .extracting(AssumeRoleWithWebIdentityRequest::webIdentityToken)
                    .containsExactly("sa-token-1");
            assertThat(identity.description())
                    .isEqualTo("object role " + role + " via ServiceAccount " + SERVICE_ACCOUNT + " token");
        }
    }

    @Test
    void iamRoleMintsAFreshTokenAtEveryRefresh() {
        String role = iam.createRole(ACCOUNT, "s3-source", trustWebIdentity(), allow("sqs:*", "*"));
        // Credentials that are stale on arrival (window longer than the session): every resolution refreshes.
        StsOptions alwaysRefresh = StsOptions.DEFAULT.withInterceptors(factorySts)
                .withRefreshWindow(Duration.ofHours(2), Duration.ofHours(2));

        try (ResolvedIdentity identity = factory(secret("team-a", "none", Map.of()),
                IdentityChoice.OBJECT_IDENTITY_ONLY, alwaysRefresh)
                .resolve(OWNER, AwsAuth.ofIam(Iam.role(role)), SERVICE_ACCOUNT)) {
            for (int i = 0; i < 3; i++) {
                identity.handle().provider().resolveCredentials();
            }

            assertThat(tokens.mints).hasSize(3);
            assertThat(factorySts.requests(AssumeRoleWithWebIdentityRequest.class))
                    .extracting(AssumeRoleWithWebIdentityRequest::webIdentityToken)
                    .containsExactly("sa-token-1", "sa-token-2", "sa-token-3");
        }
    }

    @Test
    void iamRoleThenAssumeIamRoleInAnotherAccount() {
        String role = iam.createRole(ACCOUNT, "s3-source", trustWebIdentity(), allow("sts:AssumeRole", "*"));
        String target = roleArn(OTHER_ACCOUNT, "bucket-owner");
        iam.createRole(OTHER_ACCOUNT, "bucket-owner", trust("*"), allow("s3:*", "*"));

        try (ResolvedIdentity identity = factory(secret("team-a", "none", Map.of()),
                IdentityChoice.OBJECT_IDENTITY_ONLY, StsOptions.DEFAULT)
                .resolve(OWNER, AwsAuth.ofIam(Iam.role(role).withAssumeRole(target, null)), SERVICE_ACCOUNT)) {
            assertThat(iam.callerArn(identity.handle().provider()))
                    .isEqualTo(assumedRoleArn(OTHER_ACCOUNT, "bucket-owner", "triggermesh-team-a-orders"));
            assertThat(tokens.mints).hasSize(1);
        }
    }

    @Test
    void controllerIdentityOptInActsAsTheControllerItself() {
        EmulatorIam.User controller = iam.createUser("triggermesh-controller", allow("sqs:*", "*"));
        emulator.enableIamEnforcement();
        // The SDK default chain reads system properties before the environment: the controller's own identity.
        String previousId = System.setProperty("aws.accessKeyId", controller.keys().accessKeyId());
        String previousSecret = System.setProperty("aws.secretAccessKey", controller.keys().secretAccessKey());
        try (ResolvedIdentity identity = factory(secret("team-a", "none", Map.of()),
                IdentityChoice.CONTROLLER_IDENTITY_OPT_IN, StsOptions.DEFAULT)
                .resolve(OWNER, AwsAuth.ofIam(Iam.of(null, "shared")), "shared")) {
            assertThat(iam.callerArn(identity.handle().provider()))
                    .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/triggermesh-controller");
            assertThat(identity.description()).isEqualTo("controller identity (opt-in)");
            assertThat(tokens.mints).isEmpty();
        } finally {
            restore("aws.accessKeyId", previousId);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    private ObjectCredentials factory(SecretReader secrets, IdentityChoice choice, StsOptions options) {
        return new ObjectCredentials(secrets, tokens, iam.endpoints(), choice, options);
    }

    private static SecretReader secret(String namespace, String name, Map<String, String> data) {
        return (ns, secretName, key) -> ns.equals(namespace) && secretName.equals(name)
                ? Optional.ofNullable(data.get(key)) : Optional.empty();
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
