package io.triggermesh.aws.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Local mode's EKS Pod Identity agent against the emulator: what adapters get, and who may get it. */
@ExtendWith(AwsEmulatorExtension.class)
class LocalPodIdentityAgentIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @TempDir
    Path workDir;

    @Test
    void anAssociatedServiceAccountGetsTheRolesSessionWithItsTokenAndNobodyElseDoes(AwsEmulator emulator)
            throws Exception {
        emulator.assumeMoto();
        try (EmulatorIam iam = new EmulatorIam(emulator)) {
            String role = iam.createRole(EmulatorIam.ACCOUNT, "pod-identity-" + System.nanoTime(),
                    EmulatorIam.trust("*"), EmulatorIam.allow("s3:ListAllMyBuckets", "*"));
            PodIdentityAssociation association = PodIdentityAssociation.parse("team/orders-sa=" + role);
            try (LocalPodIdentityAgent agent = LocalPodIdentityAgent.start(List.of(association),
                    emulator.endpoint(), emulator.region(), workDir, iam.root())) {
                assertThat(agent.environment("team", "other-sa")).isEmpty();
                Map<String, String> env = agent.environment("team", "orders-sa").orElseThrow();
                URI uri = URI.create(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
                assertThat(uri.getHost()).isEqualTo("127.0.0.1");
                String token = Files.readString(Path.of(env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")));

                assertThat(get(uri, null).statusCode()).isEqualTo(401);
                HttpResponse<String> wrong = get(uri, "not-" + token);
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(wrong.body()).doesNotContain(token);

                HttpResponse<String> answer = get(uri, token);
                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode session = new ObjectMapper().readTree(answer.body());
                assertThat(session.fieldNames()).toIterable().contains("AccessKeyId", "SecretAccessKey", "Token",
                        "Expiration");
                assertThat(Instant.parse(session.get("Expiration").asText())).isAfter(Instant.now());
                String arn = iam.callerArn(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        session.get("AccessKeyId").asText(), session.get("SecretAccessKey").asText(),
                        session.get("Token").asText())));
                assertThat(arn).isEqualTo(EmulatorIam.assumedRoleArn(EmulatorIam.ACCOUNT,
                        role.substring(role.lastIndexOf('/') + 1), "eks-local-team-orders-sa"));
            }
        }
    }

    @Test
    void tokenFilesAreCreatedPrivateInAFreshDirectoryAndNeverThroughAPlantedLink() throws Exception {
        // Another local user sharing the work directory plants a link where the token file used to be written.
        Path theirs = Files.writeString(workDir.resolve("theirs"), "");
        Files.createSymbolicLink(workDir.resolve("pod-identity-token-team-orders-sa"), theirs);
        PodIdentityAssociation association = PodIdentityAssociation.parse(
                "team/orders-sa=arn:aws:iam::123456789012:role/orders");
        try (LocalPodIdentityAgent agent = LocalPodIdentityAgent.start(List.of(association),
                URI.create("http://127.0.0.1:9"), "us-east-1", workDir, StaticCredentialsProvider.create(
                        AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "token")))) {
            Path file = Path.of(agent.environment("team", "orders-sa").orElseThrow()
                    .get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"));
            assertThat(agent.environment("team", "orders-sa").orElseThrow())
                    .containsEntry("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", file.toString());

            assertThat(Files.readString(theirs)).isEmpty();
            assertThat(Files.isSymbolicLink(file)).isFalse();
            assertThat(Files.readString(file)).hasSize(64);
            assertThat(file.getParent().getParent()).isEqualTo(workDir);
            assertThat(file.getParent().getFileName().toString()).startsWith("pod-identity-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent(),
                    LinkOption.NOFOLLOW_LINKS))).isEqualTo("rwx------");
        }
    }

    @Test
    void theControllersTokenRequestTokenGetsOnlyItsOwnAssociationsRole(AwsEmulator emulator) throws Exception {
        emulator.assumeMoto();
        try (EmulatorIam iam = new EmulatorIam(emulator)) {
            String roleA = iam.createRole(EmulatorIam.ACCOUNT, "role-a-" + System.nanoTime(), EmulatorIam.trust("*"),
                    EmulatorIam.allow("s3:ListAllMyBuckets", "*"));
            String roleB = iam.createRole(EmulatorIam.ACCOUNT, "role-b-" + System.nanoTime(), EmulatorIam.trust("*"),
                    EmulatorIam.allow("s3:ListAllMyBuckets", "*"));
            try (LocalPodIdentityAgent agent = LocalPodIdentityAgent.start(List.of(
                    PodIdentityAssociation.parse("team/a-sa=" + roleA),
                    PodIdentityAssociation.parse("team/b-sa=" + roleB)),
                    emulator.endpoint(), emulator.region(), workDir, iam.root())) {
                URI uri = agent.uri();
                String tokenA = agent.tokenRequestToken("team", "a-sa").orElseThrow();
                String tokenB = agent.tokenRequestToken("team", "b-sa").orElseThrow();
                String fileA = Files.readString(Path.of(agent.environment("team", "a-sa").orElseThrow()
                        .get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")));

                assertThat(agent.tokenRequestToken("team", "other-sa")).as("no association, no token").isEmpty();
                assertThat(agent.tokenRequestToken("other", "a-sa")).isEmpty();
                assertThat(tokenA).hasSize(64).isNotEqualTo(tokenB).isNotEqualTo(fileA);
                assertThat(callerOf(iam, get(uri, tokenA))).contains("/" + roleA.substring(roleA.indexOf('/') + 1)
                        + "/eks-local-team-a-sa");
                assertThat(callerOf(iam, get(uri, tokenB))).contains("/" + roleB.substring(roleB.indexOf('/') + 1)
                        + "/eks-local-team-b-sa");
                assertThat(get(uri, "local-token-a-sa").statusCode()).as("a guessable token is refused")
                        .isEqualTo(401);
                assertThat(get(uri, tokenA.substring(1)).statusCode()).isEqualTo(401);
            }
        }
    }

    @Test
    void withoutAssociationsEveryTokenIsRefused(AwsEmulator emulator) throws Exception {
        try (LocalPodIdentityAgent agent = LocalPodIdentityAgent.start(List.of(), emulator.endpoint(),
                emulator.region(), workDir, null)) {
            assertThat(agent.tokenRequestToken("team", "orders-sa")).isEmpty();
            assertThat(get(agent.uri(), "local-token-orders-sa").statusCode()).isEqualTo(401);
        }
    }

    private static String callerOf(EmulatorIam iam, HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode session = new ObjectMapper().readTree(answer.body());
        return iam.callerArn(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                session.get("AccessKeyId").asText(), session.get("SecretAccessKey").asText(),
                session.get("Token").asText())));
    }

    @Test
    void anAssociationIsReadWithAMessageSayingWhichPartIsWrong() {
        assertThat(PodIdentityAssociation.parse("team/orders-sa=arn:aws:iam::123456789012:role/orders"))
                .isEqualTo(new PodIdentityAssociation("team", "orders-sa", "arn:aws:iam::123456789012:role/orders"));
        assertThatThrownBy(() -> PodIdentityAssociation.parse("orders-sa=arn:aws:iam::123456789012:role/orders"))
                .hasMessageContaining("is not an association").hasMessageContaining("NAMESPACE/SERVICEACCOUNT");
        assertThatThrownBy(() -> PodIdentityAssociation.parse("Team/orders-sa=arn:aws:iam::123456789012:role/o"))
                .hasMessageContaining("the namespace 'Team' is not a Kubernetes namespace name");
        assertThatThrownBy(() -> PodIdentityAssociation.parse("team/orders-sa=arn:aws:iam::123:role/o"))
                .hasMessageContaining("is not an IAM role ARN");
    }

    private HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
