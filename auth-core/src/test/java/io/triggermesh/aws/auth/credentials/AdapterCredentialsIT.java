package io.triggermesh.aws.auth.credentials;

import static io.triggermesh.aws.auth.credentials.EmulatorIam.ACCOUNT;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.OTHER_ACCOUNT;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.allow;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.assumedRoleArn;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.roleArn;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.trust;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.trustWebIdentity;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.trustWithExternalId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.testing.AwsEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The adapter's credential modes against the emulator: each test builds the chain from an adapter environment and
 * proves, with sts:GetCallerIdentity, which identity the emulator saw. Tests that need IAM enforcement turn it on
 * after the set-up (which runs as the emulator's root) and off again afterwards.
 */
class AdapterCredentialsIT {

    private final AwsEmulator emulator = AwsEmulator.shared();
    private EmulatorIam iam;

    @TempDir
    Path dir;

    @BeforeEach
    void freshEmulator() {
        // Enforcement, accounts by header and session checks are moto features.
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
    void staticAccessKeyOfAnIamUserAuthenticatesAsThatUser() {
        EmulatorIam.User user = iam.createUser("adapter-user", allow("sqs:ReceiveMessage", "*"));
        emulator.enableIamEnforcement();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey()))) {
            assertThat(iam.callerArn(handle.provider())).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/adapter-user");
        }
    }

    @Test
    void unknownStaticKeysAreRejectedWhileIamIsEnforced() {
        emulator.enableIamEnforcement();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", "AKIAUNKNOWNKEY000000",
                "AWS_SECRET_ACCESS_KEY", "unknown"))) {
            assertThatThrownBy(() -> iam.callerArn(handle.provider()))
                    .isInstanceOf(StsException.class)
                    .satisfies(e -> assertThat(((StsException) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void temporaryCredentialsWithSessionTokenAuthenticateAsTheirSession() {
        // Temporary keys + token, as IAM Roles Anywhere hands them out; moto only recognises (and checks the token
        // of) temporary keys it issued through AssumeRole.
        String role = iam.createRole(ACCOUNT, "roles-anywhere", trust("*"), allow("sqs:*", "*"));
        Credentials temporary = iam.sts(iam.root())
                .assumeRole(b -> b.roleArn(role).roleSessionName("laptop")).credentials();
        emulator.enableIamEnforcement();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", temporary.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", temporary.secretAccessKey(),
                "AWS_SESSION_TOKEN", temporary.sessionToken()))) {
            assertThat(iam.callerArn(handle.provider())).isEqualTo(assumedRoleArn(ACCOUNT, "roles-anywhere",
                    "laptop"));
        }
        try (CredentialsHandle wrongToken = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", temporary.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", temporary.secretAccessKey(), "AWS_SESSION_TOKEN", "not-the-token"))) {
            assertThatThrownBy(() -> iam.callerArn(wrongToken.provider())).isInstanceOf(StsException.class);
        }
    }

    @Test
    void getSessionTokenCredentialsAreSentWithTheirSessionToken() {
        // moto answers GetSessionToken with fixed example keys that it does not recognise later, so the identity
        // cannot be told apart here; what can be proven is that the token travels with every request.
        EmulatorIam.User user = iam.createUser("laptop-user", allow("sts:GetSessionToken", "*"));
        Credentials session = iam.sts(StaticCredentialsProvider.create(user.keys()))
                .getSessionToken(b -> b.durationSeconds(900)).credentials();
        AtomicReference<String> sentToken = new AtomicReference<>();
        ExecutionInterceptor tokenSpy = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sentToken.set(context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").orElse(null));
            }
        };

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", session.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", session.secretAccessKey(), "AWS_SESSION_TOKEN", session.sessionToken()))) {
            assertThat(iam.sts(handle.provider(), tokenSpy).getCallerIdentity().account()).isEqualTo(ACCOUNT);
            assertThat(sentToken.get()).isEqualTo(session.sessionToken());
            assertThat(handle.description()).isEqualTo("static keys + session token");
        }
    }

    @Test
    void assumeIamRoleInTheSameAccount() {
        String role = roleArn(ACCOUNT, "s3-reader");
        EmulatorIam.User user = iam.createUser("assumer", allow("sts:AssumeRole", role));
        iam.createRole(ACCOUNT, "s3-reader", trust(user.arn()), allow("s3:GetObject", "*"));
        emulator.enableIamEnforcement();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey(), "AWS_ASSUME_ROLE_ARN", role,
                "AWS_ASSUME_ROLE_SESSION_NAME", "same-account"))) {
            assertThat(iam.callerArn(handle.provider())).isEqualTo(assumedRoleArn(ACCOUNT, "s3-reader",
                    "same-account"));
        }
    }

    @Test
    void assumeIamRoleForCrossAccountImpersonation() {
        String role = iam.createRole(OTHER_ACCOUNT, "cross-account", trust("*"), allow("sqs:*", "*"));
        EmulatorIam.User user = iam.createUser("team-b", allow("sts:AssumeRole", role));

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey(), "AWS_ASSUME_ROLE_ARN", role,
                "NAMESPACE", "team-b", "NAME", "orders"))) {
            assertThat(iam.callerArn(handle.provider())).isEqualTo(assumedRoleArn(OTHER_ACCOUNT, "cross-account",
                    "triggermesh-team-b-orders"));
        }
    }

    @Test
    void wrongExternalIdIsDenied() {
        String role = roleArn(ACCOUNT, "partner");
        EmulatorIam.User user = iam.createUser("partner-user", allow("sts:AssumeRole", role));
        iam.createRole(ACCOUNT, "partner", trustWithExternalId(user.arn(), "expected-id"), allow("sqs:*", "*"));
        emulator.enableIamEnforcement();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey(), "AWS_ASSUME_ROLE_ARN", role,
                "AWS_ASSUME_ROLE_EXTERNAL_ID", "wrong-id"))) {
            assertThatThrownBy(() -> handle.provider().resolveCredentials())
                    .isInstanceOf(StsException.class)
                    .satisfies(e -> assertThat(((StsException) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void matchingExternalIdIsAccepted() {
        String role = roleArn(ACCOUNT, "partner");
        EmulatorIam.User user = iam.createUser("partner-user", allow("sts:AssumeRole", role));
        iam.createRole(ACCOUNT, "partner", trustWithExternalId(user.arn(), "expected-id"), allow("sqs:*", "*"));
        emulator.enableIamEnforcement();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey(), "AWS_ASSUME_ROLE_ARN", role,
                "AWS_ASSUME_ROLE_EXTERNAL_ID", "expected-id", "AWS_ASSUME_ROLE_SESSION_NAME", "partner-session"))) {
            assertThat(iam.callerArn(handle.provider())).isEqualTo(assumedRoleArn(ACCOUNT, "partner",
                    "partner-session"));
        }
    }

    @Test
    void iamRoleFromTheInjectedWebIdentityTokenFile() throws IOException {
        // moto answers web-identity calls with HTTP 500 while IAM enforcement is on: these run without it.
        String role = iam.createRole(ACCOUNT, "irsa-role", trustWebIdentity(), allow("sqs:*", "*"));
        Path tokenFile = Files.writeString(dir.resolve("token"), "projected.sa.token\n");
        StsCallRecorder sts = new StsCallRecorder();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ROLE_ARN", role,
                "AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString(), "AWS_ROLE_SESSION_NAME", "irsa-session"),
                StsOptions.DEFAULT.withInterceptors(sts))) {
            assertThat(iam.callerArn(handle.provider())).isEqualTo(assumedRoleArn(ACCOUNT, "irsa-role",
                    "irsa-session"));
            assertThat(sts.requests(AssumeRoleWithWebIdentityRequest.class))
                    .extracting(AssumeRoleWithWebIdentityRequest::webIdentityToken)
                    .containsExactly("projected.sa.token");
        }
    }

    @Test
    void webIdentityTokenFileIsReadAgainAtEveryRefresh() throws IOException {
        String role = iam.createRole(ACCOUNT, "irsa-role", trustWebIdentity(), allow("sqs:*", "*"));
        Path tokenFile = Files.writeString(dir.resolve("token"), "first-token");
        StsCallRecorder sts = new StsCallRecorder();
        // Credentials that are stale on arrival (window longer than the session): every resolution refreshes.
        StsOptions alwaysRefresh = StsOptions.DEFAULT.withInterceptors(sts)
                .withRefreshWindow(Duration.ofHours(2), Duration.ofHours(2));

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ROLE_ARN", role,
                "AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString()), alwaysRefresh)) {
            handle.provider().resolveCredentials();
            Files.writeString(tokenFile, "rotated-token");
            handle.provider().resolveCredentials();

            assertThat(sts.requests(AssumeRoleWithWebIdentityRequest.class))
                    .extracting(AssumeRoleWithWebIdentityRequest::webIdentityToken)
                    .containsExactly("first-token", "rotated-token");
        }
    }

    @Test
    void webIdentityThenAssumeRoleInAnotherAccount() throws IOException {
        String irsa = iam.createRole(ACCOUNT, "irsa-role", trustWebIdentity(), allow("sts:AssumeRole", "*"));
        String target = iam.createRole(OTHER_ACCOUNT, "target", trust(assumedRoleArn(ACCOUNT, "irsa-role", "*")),
                allow("sqs:*", "*"));
        Path tokenFile = Files.writeString(dir.resolve("token"), "projected.sa.token");

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ROLE_ARN", irsa,
                "AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString(), "AWS_ASSUME_ROLE_ARN", target,
                "AWS_ASSUME_ROLE_SESSION_NAME", "hop"))) {
            assertThat(iam.callerArn(handle.provider())).isEqualTo(assumedRoleArn(OTHER_ACCOUNT, "target", "hop"));
            assertThat(handle.description()).isEqualTo("web identity (" + irsa + ") → assume role " + target);
        }
    }

    @Test
    void oneAssumeRoleCallServesAHundredRequests() {
        String role = iam.createRole(ACCOUNT, "busy", trust("*"), allow("sqs:*", "*"));
        StsCallRecorder factorySts = new StsCallRecorder();

        try (CredentialsHandle handle = adapter(iam.adapterEnv("AWS_ACCESS_KEY_ID", "AKIAROOT",
                "AWS_SECRET_ACCESS_KEY", "root", "AWS_ASSUME_ROLE_ARN", role, "AWS_ASSUME_ROLE_SESSION_NAME", "busy"),
                StsOptions.DEFAULT.withInterceptors(factorySts))) {
            StsClient probe = iam.sts(handle.provider());
            for (int i = 0; i < 100; i++) {
                assertThat(probe.getCallerIdentity().arn()).isEqualTo(assumedRoleArn(ACCOUNT, "busy", "busy"));
            }
            assertThat(factorySts.count(AssumeRoleRequest.class)).isEqualTo(1);
        }
    }

    private static CredentialsHandle adapter(Map<String, String> env) {
        return adapter(env, StsOptions.DEFAULT);
    }

    private static CredentialsHandle adapter(Map<String, String> env, StsOptions options) {
        return AdapterCredentials.fromEnvironment(env, AwsEndpoints.fromEnvironment(env), options);
    }
}
