package io.triggermesh.aws.adapter.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import io.triggermesh.aws.adapter.logging.SecretRedactor;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmptyQueue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The engine against a real SQS API (moto), inside the adapter runtime, with credentials from the environment. */
@ExtendWith(AwsEmulatorExtension.class)
class QueueConsumerIT {

    private static final String SECRET = "Sup3rS3cretAccessKeyValue0123456789abcdef";
    private static final String TOKEN = "SessionTokenValue-0123456789-abcdefghijklmnop";

    private final AwsEmulator emulator;
    private final SqsClient admin;
    private final RecordingSink sink = new RecordingSink();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    QueueConsumerIT(AwsEmulator emulator) {
        this.emulator = emulator;
        this.admin = SqsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(emulator.region()))
                .credentialsProvider(emulator.rootCredentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void close() {
        admin.close();
        LogManager.getLogManager().reset();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", emulator.region());
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIAQUEUECONSUMERIT1");
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        env.put("AWS_SESSION_TOKEN", TOKEN);
        env.put("NAME", "it");
        env.put("NAMESPACE", "tests");
        return env;
    }

    private AdapterRuntime consume(String queueUrl) throws Exception {
        return AdapterRuntime.start(env(), context -> {
            QueueConsumer consumer = QueueConsumer.builder(context.aws().sqs(Region.of(emulator.region())), queueUrl,
                            "test-queue", m -> MessageEvents.of(CloudEventBuilder.v1().withId(m.messageId())
                                    .withType("t").withSource(URI.create("urn:q")).build()), sink)
                    .settings(QueueConsumerSettings.defaults().withConcurrency(2, 4))
                    .onStop(context.aws()::stopLongPolls)
                    .build();
            consumer.start();
            return consumer;
        });
    }

    @Test
    void messagesAreDeliveredAndDeletedAndNoSecretIsEverLogged() throws Exception {
        AdapterLogging.configure(Level.ALL, SecretRedactor.forEnvironment(env()),
                new PrintStream(logs, true, StandardCharsets.UTF_8));
        String url = admin.createQueue(b -> b.queueName("consumer-" + UUID.randomUUID())).queueUrl();
        List<String> ids = List.of(send(url, "one"), send(url, "two"), send(url, "three"));

        try (AdapterRuntime runtime = consume(url)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.ids())
                    .containsExactlyInAnyOrderElementsOf(ids));
            EmptyQueue.await(url, () -> depth(url), Duration.ofSeconds(10));
        }

        String written = logs.toString(StandardCharsets.UTF_8);
        assertThat(written).as("the SDK logged at debug level").contains("DEBUG");
        assertThat(written).doesNotContain(SECRET, TOKEN);
    }

    @Test
    void stoppingDoesNotWaitForTheLongPoll() throws Exception {
        String url = admin.createQueue(b -> b.queueName("idle-" + UUID.randomUUID())).queueUrl();
        AdapterRuntime runtime = consume(url);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);

        long start = System.nanoTime();
        runtime.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aQueueThatDoesNotExistIsReportedClearlyWithoutATightLoop() throws Exception {
        AdapterLogging.configure(Level.INFO, SecretRedactor.forEnvironment(env()),
                new PrintStream(logs, true, StandardCharsets.UTF_8));
        String missing = emulator.endpoint() + "/123456789012/does-not-exist-" + UUID.randomUUID();

        try (AdapterRuntime runtime = consume(missing)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.toString(StandardCharsets.UTF_8)
                    .contains("does not exist"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        }
        long errors = logs.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("does not exist")).count();
        assertThat(errors).as("one line per poller, then quiet backoff").isBetween(1L, 2L);
    }

    private String send(String url, String body) {
        return admin.sendMessage(b -> b.queueUrl(url).messageBody(body)).messageId();
    }

    private int depth(String url) {
        Map<QueueAttributeName, String> attributes = admin.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
