package io.triggermesh.aws.auth.credentials;

import static io.triggermesh.aws.auth.credentials.EmulatorIam.ACCOUNT;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.OTHER_ACCOUNT;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.allow;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.assumedRoleArn;
import static io.triggermesh.aws.auth.credentials.EmulatorIam.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.testing.AwsEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The identity check of a Pod Identity object against the emulator: the controller's token goes to an agent (here a
 * loopback stand-in that, like the real one, hands out the associated role's session for one known token) and the
 * session is asked sts:GetCallerIdentity, with a role hop on top when the object has one.
 */
class PodIdentityCredentialsIT {

    private static final OwnerObject OWNER = new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSS3Target",
            "team-a", "orders", "uid-1");
    private static final String SERVICE_ACCOUNT = "orders-sa";
    private static final String ASSOCIATED_TOKEN = "token-of-team-a-orders-sa";

    private final AwsEmulator emulator = AwsEmulator.shared();
    private final ObjectCredentialsIT.CountingTokenSource minted = new ObjectCredentialsIT.CountingTokenSource();
    private final List<String> presented = new CopyOnWriteArrayList<>();
    private EmulatorIam iam;
    private HttpServer agent;
    private Credentials session;

    @BeforeEach
    void agentForOneAssociation() throws IOException {
        emulator.assumeMoto();
        emulator.reset();
        iam = new EmulatorIam(emulator);
        String role = iam.createRole(ACCOUNT, "orders-pod-role", trust("*"), allow("sts:AssumeRole", "*"));
        session = iam.sts(iam.root()).assumeRole(b -> b.roleArn(role).roleSessionName("eks-cluster-orders"))
                .credentials();
        agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agent.createContext("/v1/credentials", exchange -> {
            String token = exchange.getRequestHeaders().getFirst("Authorization");
            presented.add(token);
            byte[] body = ASSOCIATED_TOKEN.equals(token)
                    ? new ObjectMapper().writeValueAsBytes(Map.of("AccessKeyId", session.accessKeyId(),
                            "SecretAccessKey", session.secretAccessKey(), "Token", session.sessionToken(),
                            "Expiration", session.expiration().toString()))
                    : "(ResourceNotFoundException): no Pod Identity association".getBytes();
            exchange.sendResponseHeaders(ASSOCIATED_TOKEN.equals(token) ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        agent.start();
    }

    @AfterEach
    void stop() {
        agent.stop(0);
        iam.close();
    }

    @Test
    void anAssociatedServiceAccountShowsTheAssociatedRoleWithItsExpiry() {
        ObjectCredentials checks = checks(ASSOCIATED_TOKEN);

        try (ResolvedIdentity identity = checks.resolve(OWNER, AwsAuth.ofIam(Iam.of(null, SERVICE_ACCOUNT)),
                SERVICE_ACCOUNT)) {
            CallerIdentity caller = checks.callerIdentity(identity);

            assertThat(caller.arn()).isEqualTo(assumedRoleArn(ACCOUNT, "orders-pod-role", "eks-cluster-orders"));
            assertThat(caller.expiresAt()).contains(session.expiration());
            assertThat(minted.mints).containsExactly(new ObjectCredentialsIT.CountingTokenSource.Mint("team-a",
                    SERVICE_ACCOUNT, "pods.eks.amazonaws.com", ObjectCredentials.TOKEN_LIFETIME));
            assertThat(presented).containsExactly(ASSOCIATED_TOKEN);
            assertThat(identity.redactor().redact("echo " + session.secretAccessKey() + " "
                    + session.sessionToken() + " " + ASSOCIATED_TOKEN))
                    .doesNotContain(session.secretAccessKey(), session.sessionToken(), ASSOCIATED_TOKEN);
            assertThat(identity.description()).contains("EKS Pod Identity association of ServiceAccount team-a/"
                    + SERVICE_ACCOUNT).doesNotContain(ASSOCIATED_TOKEN);
        }
    }

    @Test
    void aRoleHopOnAPodIdentityBaseIsMadeFromTheAssociatedSession() {
        String target = iam.createRole(OTHER_ACCOUNT, "bucket-owner", trust("*"), allow("s3:*", "*"));
        ObjectCredentials checks = checks(ASSOCIATED_TOKEN);

        try (ResolvedIdentity identity = checks.resolve(OWNER, AwsAuth.ofIam(Iam.of(null, SERVICE_ACCOUNT)
                .withAssumeRole(target, null)), SERVICE_ACCOUNT)) {
            assertThat(checks.callerIdentity(identity).arn())
                    .isEqualTo(assumedRoleArn(OTHER_ACCOUNT, "bucket-owner", "triggermesh-team-a-orders"));
        }
    }

    @Test
    void aServiceAccountWithoutAssociationIsRefusedByTheAgent() {
        ObjectCredentials checks = checks("token-of-another-service-account");

        assertThatThrownBy(() -> checks.resolve(OWNER, AwsAuth.ofIam(Iam.of(null, SERVICE_ACCOUNT)),
                SERVICE_ACCOUNT))
                .isInstanceOfSatisfying(PodIdentityAgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PodIdentityAgentException.Kind.REFUSED);
                    assertThat(e.status()).isEqualTo(404);
                });
    }

    @Test
    void withoutAnAgentAPodIdentityObjectKeepsTheControllersRules() {
        ObjectCredentials resources = new ObjectCredentials((ns, name, key) -> Optional.empty(), minted,
                iam.endpoints(), IdentityChoice.OBJECT_IDENTITY_ONLY, agentUri());

        // The AWS work done for the object is unchanged: only identity checks ask the agent.
        assertThatThrownBy(() -> resources.resolve(OWNER, AwsAuth.ofIam(Iam.of(null, SERVICE_ACCOUNT)),
                SERVICE_ACCOUNT)).isInstanceOf(CredentialsUnavailableException.class);
        assertThat(presented).isEmpty();
    }

    private ObjectCredentials checks(String token) {
        ServiceAccountTokenSource tokens = (namespace, serviceAccount, audience, lifetime) -> {
            minted.token(namespace, serviceAccount, audience, lifetime);
            return token;
        };
        return new ObjectCredentials((ns, name, key) -> Optional.empty(), tokens, iam.endpoints(),
                IdentityChoice.OBJECT_IDENTITY_ONLY, agentUri()).forIdentityChecks();
    }

    private PodIdentityAgent agentUri() {
        return new PodIdentityAgent(URI.create("http://127.0.0.1:" + agent.getAddress().getPort()
                + "/v1/credentials"));
    }
}
