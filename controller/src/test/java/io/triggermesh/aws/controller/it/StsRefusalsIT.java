package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The refusals moto does not produce (it never expires session tokens, and answers web identity calls with HTTP 500
 * while IAM enforcement is on), from a tiny STS on a loopback socket that answers as AWS does: GetCallerIdentity
 * with {@code ExpiredToken}, AssumeRoleWithWebIdentity with {@code AccessDenied}. The controller's AWS endpoint is
 * this server; the Kubernetes side is the mock API server as in every scenario.
 */
class StsRefusalsIT extends ControllerScenario {

    private static HttpServer sts;

    @BeforeAll
    static void startSts() throws IOException {
        sts = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sts.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] reply;
            int code;
            if (body.contains("Action=AssumeRoleWithWebIdentity")) {
                code = 403;
                reply = error("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
            } else {
                code = 400;
                reply = error("ExpiredToken", "The security token included in the request is expired");
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(code, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        sts.start();
    }

    @AfterAll
    static void stopSts() {
        sts.stop(0);
    }

    private static byte[] error(String code, String message) {
        return ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>4711</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.aws-endpoint", "http://127.0.0.1:" + sts.getAddress().getPort());
    }

    @Test
    void anExpiredSessionTokenSaysWhichSecretToRefreshAndHow() {
        kube.resource(new SecretBuilder().withNewMetadata().withName("aws-session").withNamespace(NS).endMetadata()
                .withStringData(Map.of("id", "sessionkeyid4711", "secret", "sessionsecret4711",
                        "token", "sessiontoken4711")).build()).create();

        s3Target("session", "{credentials: {accessKeyID: {valueFromSecret: {name: aws-session, key: id}},"
                + " secretAccessKey: {valueFromSecret: {name: aws-session, key: secret}},"
                + " sessionToken: {valueFromSecret: {name: aws-session, key: token}}}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "session", "CredentialsReady", "False",
                "ExpiredToken");
        assertThat(condition(status, "CredentialsReady").get("message")).asString()
                .contains("session token in Secret default/aws-session (key token) has expired",
                        "aws sts get-session-token", "kubectl -n default create secret generic aws-session");
        assertThat(IdentityCheckIT.auth(status)).containsEntry("mode", "session")
                .containsEntry("error", "ExpiredToken").doesNotContainKey("identity");
        Event warning = awaitWarning("session", "ExpiredToken");
        assertThat(warning.getMessage() + status)
                .doesNotContain("sessionkeyid4711", "sessionsecret4711", "sessiontoken4711");
    }

    @Test
    void aRefusedWebIdentityNamesTheRoleAndTheServiceAccountTheTrustPolicyMustName() {
        cluster.serveTokens(NS, "awss3target-i-web", "minted-token-4711");
        String role = "arn:aws:iam::210987654321:role/orders-irsa";

        s3Target("web", "{iam: {roleArn: '" + role + "'}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "web", "CredentialsReady", "False",
                "WebIdentityRefused");
        assertThat(condition(status, "CredentialsReady").get("message")).asString()
                .contains("ServiceAccount default/awss3target-i-web", role, "OIDC provider",
                        "system:serviceaccount:default:awss3target-i-web");
        assertThat(IdentityCheckIT.auth(status)).containsEntry("mode", "irsa").doesNotContainKey("identity");
        Event warning = awaitWarning("web", "WebIdentityRefused");
        assertThat(warning.getMessage() + status).doesNotContain("minted-token-4711");
    }
}
