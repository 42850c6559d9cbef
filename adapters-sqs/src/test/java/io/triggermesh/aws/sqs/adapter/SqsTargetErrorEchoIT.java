package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import io.triggermesh.aws.adapter.logging.SecretRedactor;
import io.triggermesh.aws.testing.EchoingAwsEndpoint;
import io.triggermesh.aws.testkit.adapter.EmulatorClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SQS answering SignatureDoesNotMatch with the signed request echoed, as AWS does: the target's HTTP replies and
 * its log at TRACE carry neither the key id nor the session token.
 */
class SqsTargetErrorEchoIT {

    // No credential shape: only the adapter's own values, known to its redactor, can mask these.
    private static final String KEY_ID = "echo-target-key-id";
    private static final String TOKEN = "EchoTargetSessionTokenCanary0123456789";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        LogManager.getLogManager().reset();
    }

    @Test
    void anEchoedSignatureErrorReachesNeitherTheReplyNorTheLog() throws Exception {
        try (EchoingAwsEndpoint echo = EchoingAwsEndpoint.start()) {
            int port = EmulatorClients.freePort();
            Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", echo.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", KEY_ID, "AWS_SECRET_ACCESS_KEY", "echo-target-secret",
                    "AWS_SESSION_TOKEN", TOKEN, "ARN", "arn:aws:sqs:us-east-1:123456789012:orders",
                    "PORT", Integer.toString(port), "NAME", "it", "NAMESPACE", "adapters");
            AdapterLogging.configure(Level.ALL, SecretRedactor.forEnvironment(env),
                    new PrintStream(logs, true, StandardCharsets.UTF_8));

            try (AdapterRuntime runtime = AdapterRuntime.start(env, new SqsTargetAdapter())) {
                URI target = URI.create("http://127.0.0.1:" + port + "/");
                HttpResponse<String> reply = await().atMost(Duration.ofSeconds(15)).until(() -> http.send(
                        SqsTargetAdapterIT.event(target, "e-1", "{}").timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 403);

                assertThat(reply.body()).contains("sqs:GetQueueUrl", "x-amz-security-token:***")
                        .doesNotContain(KEY_ID, TOKEN);
            }
        }
        // The echo reached the log (the SDK's exception text), masked.
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("The request signature we calculated does not"
                + " match").doesNotContain(KEY_ID, TOKEN);
    }
}
