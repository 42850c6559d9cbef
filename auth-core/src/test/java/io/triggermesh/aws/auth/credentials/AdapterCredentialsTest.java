package io.triggermesh.aws.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.auth.model.StsNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;

/** Mode selection, validation and descriptions; no AWS call is made (providers are built, never resolved via STS). */
class AdapterCredentialsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/adapter";
    private static final String KEY_CANARY = "AKIACANARYKEY0000001";
    private static final String SECRET_CANARY = "CANARY-secret-3b1d9f";
    private static final String TOKEN_CANARY = "CANARY-token-8c2e41";
    private static final AwsEndpoints ENDPOINTS = AwsEndpoints.of(Region.US_EAST_1);

    @TempDir
    Path dir;

    @Test
    void staticAccessKeyAndSecretAreUsedAsGiven() {
        try (CredentialsHandle handle = build(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY",
                "secret"))) {
            assertThat(handle.provider()).isInstanceOf(StaticCredentialsProvider.class);
            AwsCredentials credentials = handle.provider().resolveCredentials();
            assertThat(credentials.accessKeyId()).isEqualTo("AKIAEXAMPLE");
            assertThat(credentials.secretAccessKey()).isEqualTo("secret");
            assertThat(credentials).isNotInstanceOf(AwsSessionCredentials.class);
            assertThat(handle.description()).isEqualTo("static keys");
        }
    }

    @Test
    void temporaryCredentialsCarryTheirSessionToken() {
        try (CredentialsHandle handle = build(Map.of("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE", "AWS_SECRET_ACCESS_KEY",
                "secret", "AWS_SESSION_TOKEN", "token"))) {
            assertThat(handle.provider().resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class,
                    session -> assertThat(session.sessionToken()).isEqualTo("token"));
            assertThat(handle.description()).isEqualTo("static keys + session token");
        }
    }

    @Test
    void assumeRoleIsLayeredOnTheStaticKeys() {
        Map<String, String> env = keys();
        env.put("AWS_ASSUME_ROLE_ARN", ROLE);
        env.put("AWS_ASSUME_ROLE_EXTERNAL_ID", "ext-123");

        try (CredentialsHandle handle = build(env)) {
            assertThat(handle.provider()).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
            assertThat(handle.description()).isEqualTo("static keys → assume role " + ROLE + " with ExternalId");
        }
    }

    @Test
    void webIdentityIsUsedWhenTheEksWebhookInjectedIt() throws IOException {
        try (CredentialsHandle handle = build(webIdentity())) {
            assertThat(handle.provider()).isInstanceOf(StsAssumeRoleWithWebIdentityCredentialsProvider.class);
            assertThat(handle.description()).isEqualTo("web identity (" + ROLE + ")");
        }
    }

    @Test
    void webIdentityCanBeFollowedByAssumeRole() throws IOException {
        Map<String, String> env = webIdentity();
        env.put("AWS_ASSUME_ROLE_ARN", "arn:aws:iam::111111111111:role/other-account");

        try (CredentialsHandle handle = build(env)) {
            assertThat(handle.provider()).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
            assertThat(handle.description()).isEqualTo("web identity (" + ROLE + ") → assume role "
                    + "arn:aws:iam::111111111111:role/other-account");
        }
    }

    @Test
    void staticKeysWinOverAnInjectedWebIdentity() throws IOException {
        Map<String, String> env = webIdentity();
        env.putAll(keys());

        try (CredentialsHandle handle = build(env)) {
            assertThat(handle.description()).isEqualTo("static keys");
        }
    }

    @Test
    void sdkDefaultChainIsUsedWhenNothingIsConfigured() {
        try (CredentialsHandle handle = build(Map.of("AWS_REGION", "eu-west-1"))) {
            assertThat(handle.provider()).isInstanceOf(DefaultCredentialsProvider.class);
            assertThat(handle.description()).isEqualTo("SDK default chain");
        }
    }

    @Test
    void sdkDefaultChainCanBeFollowedByAssumeRole() {
        try (CredentialsHandle handle = build(Map.of("AWS_ASSUME_ROLE_ARN", ROLE))) {
            assertThat(handle.description()).isEqualTo("SDK default chain → assume role " + ROLE);
        }
    }

    @Test
    void blankVariablesCountAsUnset() {
        try (CredentialsHandle handle = build(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", " ",
                "AWS_ASSUME_ROLE_ARN", ""))) {
            assertThat(handle.description()).isEqualTo("SDK default chain");
        }
    }

    @Test
    void accessKeyWithoutSecretIsRejectedNamingTheMissingVariable() {
        assertThatThrownBy(() -> build(Map.of("AWS_ACCESS_KEY_ID", KEY_CANARY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_SECRET_ACCESS_KEY is not set")
                .hasMessageNotContaining(KEY_CANARY);
    }

    @Test
    void secretWithoutAccessKeyIsRejectedNamingTheMissingVariable() {
        assertThatThrownBy(() -> build(Map.of("AWS_SECRET_ACCESS_KEY", SECRET_CANARY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ACCESS_KEY_ID is not set")
                .hasMessageNotContaining(SECRET_CANARY);
    }

    @Test
    void sessionTokenWithoutKeysIsRejected() {
        assertThatThrownBy(() -> build(Map.of("AWS_SESSION_TOKEN", TOKEN_CANARY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_SESSION_TOKEN is set but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
                .hasMessageNotContaining(TOKEN_CANARY);
    }

    @Test
    void roleArnWithoutTokenFileIsRejectedNamingTheMissingVariable() {
        assertThatThrownBy(() -> build(Map.of("AWS_ROLE_ARN", ROLE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_WEB_IDENTITY_TOKEN_FILE is not set");
    }

    @Test
    void tokenFileWithoutRoleArnIsRejectedNamingTheMissingVariable() {
        assertThatThrownBy(() -> build(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ROLE_ARN is not set");
    }

    @Test
    void unreadableTokenFileIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> build(Map.of("AWS_ROLE_ARN", ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE",
                dir.resolve("missing").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_WEB_IDENTITY_TOKEN_FILE names a file that cannot be read");
    }

    @Test
    void assumeRoleOptionsWithoutRoleAreRejected() {
        Map<String, String> env = keys();
        env.put("AWS_ASSUME_ROLE_EXTERNAL_ID", "ext-123");

        assertThatThrownBy(() -> build(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AWS_ASSUME_ROLE_EXTERNAL_ID is set but AWS_ASSUME_ROLE_ARN is not");
    }

    @Test
    void assumeRoleArnMustBeARoleArn() {
        Map<String, String> env = keys();
        env.put("AWS_ASSUME_ROLE_ARN", "arn:aws:iam::123456789012:user/bob");

        assertThatThrownBy(() -> build(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ASSUME_ROLE_ARN is not an IAM role ARN");
    }

    @Test
    void assumeRoleDurationMustBeANumberInRange() {
        Map<String, String> env = keys();
        env.put("AWS_ASSUME_ROLE_ARN", ROLE);
        env.put("AWS_ASSUME_ROLE_DURATION_SECONDS", "one hour");
        assertThatThrownBy(() -> build(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AWS_ASSUME_ROLE_DURATION_SECONDS must be a whole number of seconds, not 'one hour'");

        env.put("AWS_ASSUME_ROLE_DURATION_SECONDS", "600");
        assertThatThrownBy(() -> build(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AWS_ASSUME_ROLE_DURATION_SECONDS must be between 900 and 43200 seconds, not 600");
    }

    @Test
    void invalidExternalIdIsRejectedWithoutEchoingIt() {
        Map<String, String> env = keys();
        env.put("AWS_ASSUME_ROLE_ARN", ROLE);
        env.put("AWS_ASSUME_ROLE_EXTERNAL_ID", "bad id " + SECRET_CANARY);

        assertThatThrownBy(() -> build(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ASSUME_ROLE_EXTERNAL_ID must be")
                .hasMessageNotContaining(SECRET_CANARY);
    }

    @Test
    void invalidSessionNameIsRejected() {
        Map<String, String> env = keys();
        env.put("AWS_ASSUME_ROLE_ARN", ROLE);
        env.put("AWS_ASSUME_ROLE_SESSION_NAME", "has spaces");

        assertThatThrownBy(() -> build(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_ASSUME_ROLE_SESSION_NAME must be 2 to 64 characters");
    }

    @Test
    void assumeRoleSessionDefaultsToTheConnectorObject() {
        assertThat(StsNames.defaultSessionName("team-a", "orders")).isEqualTo("triggermesh-team-a-orders");
        assertThat(StsNames.defaultSessionName(null, "orders")).isEqualTo("triggermesh");
        assertThat(StsNames.defaultSessionName("n".repeat(63), "x".repeat(253))).hasSize(64).startsWith("triggermesh-n");
    }

    @Test
    void descriptionsAndToStringNeverContainSecrets() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", KEY_CANARY,
                "AWS_SECRET_ACCESS_KEY", SECRET_CANARY, "AWS_SESSION_TOKEN", TOKEN_CANARY,
                "AWS_ASSUME_ROLE_ARN", ROLE, "AWS_ASSUME_ROLE_EXTERNAL_ID", "external-" + SECRET_CANARY.substring(7)));

        try (CredentialsHandle handle = build(env)) {
            for (String canary : new String[] {KEY_CANARY, SECRET_CANARY, TOKEN_CANARY, SECRET_CANARY.substring(7)}) {
                assertThat(handle.description()).doesNotContain(canary);
                assertThat(handle.toString()).doesNotContain(canary);
            }
        }
    }

    @Test
    void assumeRoleSpecToStringHidesTheExternalId() {
        AssumeRoleSpec spec = new AssumeRoleSpec(ROLE, SECRET_CANARY, "session", 900);

        assertThat(spec.toString()).doesNotContain(SECRET_CANARY).contains(ROLE);
        assertThat(spec.describe()).doesNotContain(SECRET_CANARY);
    }

    @Test
    void eksPodIdentityContainerCredentialsAreUsedWhenNoKeysOrWebIdentityAreSet() throws IOException {
        Path token = Files.writeString(dir.resolve("pod-identity-token"), "agent-token");
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token.toString()));
        try (CredentialsHandle handle = build(env)) {
            assertThat(handle.provider()).isInstanceOf(ContainerCredentialsProvider.class);
            assertThat(handle.description())
                    .isEqualTo("EKS Pod Identity (container credentials from http://169.254.170.23/v1/credentials)");
        }
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:4711/pod-identity");
        env.put("AWS_ASSUME_ROLE_ARN", ROLE);
        try (CredentialsHandle handle = build(env)) {
            assertThat(handle.description()).startsWith("EKS Pod Identity (container credentials from "
                    + "http://127.0.0.1:4711/pod-identity) → ");
        }
    }

    @Test
    void keysAndWebIdentityStillWinOverContainerCredentials() throws IOException {
        Map<String, String> env = keys();
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials");
        try (CredentialsHandle handle = build(env)) {
            assertThat(handle.description()).isEqualTo("static keys");
        }
        Map<String, String> irsa = webIdentity();
        irsa.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials");
        try (CredentialsHandle handle = build(irsa)) {
            assertThat(handle.description()).startsWith("web identity");
        }
    }

    @Test
    void containerCredentialsTheSdkWouldRefuseFailAtStartNamingTheVariable() {
        assertThatThrownBy(() -> build(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.1.2.3/creds")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_CONTAINER_CREDENTIALS_FULL_URI uses http to 10.1.2.3");
        assertThatThrownBy(() -> build(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "/v1/credentials")))
                .hasMessageStartingWith("AWS_CONTAINER_CREDENTIALS_FULL_URI must be an absolute http or https URL");
        assertThatThrownBy(() -> build(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/c",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", dir.resolve("missing").toString())))
                .hasMessageStartingWith("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names a file that cannot be read");
    }

    private static CredentialsHandle build(Map<String, String> env) {
        return AdapterCredentials.fromEnvironment(env, ENDPOINTS);
    }

    private static Map<String, String> keys() {
        return new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"));
    }

    private Map<String, String> webIdentity() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "header.payload.signature");
        return new HashMap<>(Map.of("AWS_ROLE_ARN", ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE", token.toString()));
    }
}
