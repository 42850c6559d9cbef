package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggermesh.aws.adapter.AdapterConfigException;
import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import io.triggermesh.aws.testkit.adapter.EmulatorClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The AWSSQSTarget adapter end to end: HTTP CloudEvents in, moto's SQS behind. */
@ExtendWith(AwsEmulatorExtension.class)
class SqsTargetAdapterIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatorClients aws;
    static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AdapterRuntime> running = new ArrayList<>();

    SqsTargetAdapterIT(AwsEmulator emulator) {
        this.aws = new EmulatorClients(emulator);
    }

    @AfterEach
    void stop() {
        running.forEach(AdapterRuntime::close);
        aws.close();
    }

    /** Starts a target on a free port and returns its URL once healthy (or after 2 s when it never will be). */
    private URI target(Map<String, String> env, boolean awaitHealthy) throws Exception {
        int port = EmulatorClients.freePort();
        Map<String, String> withPort = new java.util.HashMap<>(env);
        withPort.put("PORT", Integer.toString(port));
        running.add(AdapterRuntime.start(withPort, new SqsTargetAdapter()));
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        if (awaitHealthy) {
            await().atMost(Duration.ofSeconds(10)).until(() -> health(uri).statusCode() == 200);
        }
        return uri;
    }

    HttpResponse<String> health(URI target) throws Exception {
        return http.send(HttpRequest.newBuilder(target.resolve("/health")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder event(URI target, String id, String data) {
        return HttpRequest.newBuilder(target).timeout(TIMEOUT).header("ce-specversion", "1.0").header("ce-id", id)
                .header("ce-type", "order.created").header("ce-source", "urn:shop")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(data));
    }

    HttpResponse<String> post(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Message> drain(EmulatorClients.Queue queue, int expected) {
        List<Message> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            messages.addAll(aws.sqs().receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(10)
                    .messageSystemAttributeNamesWithStrings("All").waitTimeSeconds(1)).messages());
            return messages.size() >= expected;
        });
        return messages;
    }

    @Test
    void theGuidesSessionTokenTargetSendsEventsAsTheSecretsIdentity() throws Exception {
        EmulatorClients.Queue queue = aws.queue("target-guide");
        String roleName = "sqs-writer-" + UUID.randomUUID().toString().substring(0, 6);
        Credentials session;
        // Temporary keys and token as IAM Roles Anywhere or an STS call hands them out; moto only recognises
        // temporary keys it issued through AssumeRole, so they come from there.
        try (EmulatorIam iam = new EmulatorIam(aws.emulator())) {
            // moto checks sqs:GetQueueUrl against resource * (docs/testing.md).
            String role = iam.createRole(EmulatorIam.ACCOUNT, roleName, EmulatorIam.trust("*"), """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "sqs:*", "Resource": "%s"},
                      {"Effect": "Allow", "Action": "sqs:GetQueueUrl", "Resource": "*"}]}""".formatted(queue.arn()));
            session = iam.sts(iam.root()).assumeRole(b -> b.roleArn(role).roleSessionName("laptop")).credentials();
        }
        // As the controller renders the guide's valueFromSecret keys: three secretKeyRef variables.
        Map<String, String> env = aws.adapterEnv("ARN", queue.arn(), "AWS_ACCESS_KEY_ID", session.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", session.secretAccessKey(), "AWS_SESSION_TOKEN", session.sessionToken());
        HttpResponse<String> response;
        HttpResponse<String> wrongToken;
        aws.emulator().enableIamEnforcement();
        try {
            URI target = target(env, true);
            response = post(event(target, "e-1", "{\"order\":1}"));
            try (EmulatorIam iam = new EmulatorIam(aws.emulator())) {
                assertThat(iam.callerArn(running.get(0).context().aws().credentialsProvider()))
                        .as("the identity AWS saw is the Secret's")
                        .isEqualTo(EmulatorIam.assumedRoleArn(EmulatorIam.ACCOUNT, roleName, "laptop"));
            }
            Map<String, String> badToken = new java.util.HashMap<>(env);
            badToken.put("AWS_SESSION_TOKEN", "not-the-token");
            URI other = target(badToken, false);
            // Answered without reaching SQS (503) until the URL lookup has failed; /health says only DOWN.
            java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> denied =
                    new java.util.concurrent.atomic.AtomicReference<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                denied.set(post(event(other, "e-2", "{}")));
                return denied.get().statusCode() != 503;
            });
            wrongToken = denied.get();
        } finally {
            aws.emulator().disableIamEnforcement();
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ce-type")).contains("io.triggermesh.targets.aws.sqs.result");
        assertThat(response.headers().firstValue("ce-source")).contains(queue.arn());
        String messageId = JSON.readTree(response.body()).path("MessageId").asText();
        Message message = drain(queue, 1).get(0);
        assertThat(message.messageId()).isEqualTo(messageId);
        JsonNode body = JSON.readTree(message.body());
        assertThat(body.path("id").asText()).isEqualTo("e-1");
        assertThat(body.path("data").path("order").asInt()).isEqualTo(1);
        assertThat(running.get(0).context().aws().identityDescription()).isEqualTo("static keys + session token");
        assertThat(wrongToken.statusCode()).as("the token is really used").isEqualTo(403);
    }

    @Test
    void fifoMessagesCarryTheGroupAndADeduplicationIdAndOnlyTheDataWhenAsked() throws Exception {
        EmulatorClients.Queue queue = aws.queue("target-fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        URI target = target(aws.adapterEnv("ARN", queue.arn(), "MESSAGE_GROUP_ID", "orders",
                "DISCARD_CLOUDEVENT_CONTEXT", "true"), true);

        assertThat(post(event(target, "e-" + "x".repeat(300), "{\"n\":1}")).statusCode()).isEqualTo(200);

        Message message = drain(queue, 1).get(0);
        assertThat(message.body()).isEqualTo("{\"n\":1}");
        assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "orders");
        assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).hasSize(64);
    }

    @Test
    void elevenConcurrentEventsAllLandEachWithItsOwnMessage() throws Exception {
        EmulatorClients.Queue queue = aws.queue("target-eleven");
        URI target = target(aws.adapterEnv("ARN", queue.arn(), "SEND_CONCURRENCY", "1"), true);

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            responses.add(http.sendAsync(event(target, "c-" + i, "{\"i\":" + i + "}").build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        List<String> messageIds = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> answered = response.get(30, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            messageIds.add(JSON.readTree(answered.body()).path("MessageId").asText());
        }
        assertThat(messageIds).doesNotHaveDuplicates().hasSize(11);
        assertThat(drain(queue, 11)).extracting(Message::messageId).containsExactlyInAnyOrderElementsOf(messageIds);
    }

    @Test
    void badRequestsAreAnsweredWith4xxAndNeverReachTheQueue() throws Exception {
        EmulatorClients.Queue queue = aws.queue("target-bad");
        URI target = target(aws.adapterEnv("ARN", queue.arn(), "MAX_MESSAGE_BYTES", "2000"), true);

        assertThat(post(HttpRequest.newBuilder(target).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"not\":\"an event\"}"))).statusCode()).isEqualTo(400);
        assertThat(post(HttpRequest.newBuilder(target).timeout(TIMEOUT).header("ce-specversion", "1.0")
                .header("ce-id", "x")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(400);
        HttpResponse<String> tooLarge = post(event(target, "big", "\"" + "x".repeat(3000) + "\""));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("MessageTooLarge");
        assertThat(post(event(target, "huge", "\"" + "x".repeat(70_000) + "\"")).statusCode()).isEqualTo(413);
        assertThat(aws.depth(queue)).isZero();
    }

    @Test
    void aFifoQueueWithoutAGroupIdRefusesToStart() {
        EmulatorClients.Queue queue = aws.queue("target-nogroup-fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));

        assertThatThrownBy(() -> AdapterRuntime.start(aws.adapterEnv("ARN", queue.arn()), new SqsTargetAdapter()))
                .isInstanceOf(AdapterConfigException.class).hasMessageStartingWith("MESSAGE_GROUP_ID is required");
    }

    @Test
    void aQueueThatDoesNotExistIsAClearNonRetryableAnswer() throws Exception {
        URI target = target(aws.adapterEnv("ARN", "arn:aws:sqs:us-east-1:123456789012:missing-" + UUID.randomUUID()),
                false);
        // Answered without reaching SQS (503) until the URL lookup has failed.
        await().atMost(Duration.ofSeconds(10)).until(() -> post(event(target, "e", "{}")).statusCode() != 503);
        HttpResponse<String> health = health(target);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).as("no reason: anyone may ask").isEqualTo("{\"status\":\"DOWN\"}");

        HttpResponse<String> response = post(event(target, "e", "{}"));

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("QueueDoesNotExist", "\"retryable\":false");
    }

}
