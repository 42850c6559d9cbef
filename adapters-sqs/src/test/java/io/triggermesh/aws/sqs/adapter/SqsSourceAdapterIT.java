package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.adapter.events.S3EventNotifications;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testkit.adapter.EmulatorClients;
import io.triggermesh.aws.testkit.adapter.LoopbackSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The AWSSQSSource adapter end to end: moto's SQS, the adapter in-process, a loopback sink. */
@ExtendWith(AwsEmulatorExtension.class)
class SqsSourceAdapterIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatorClients aws;
    private final LoopbackSink sink;
    private final List<AdapterRuntime> running = new ArrayList<>();

    SqsSourceAdapterIT(AwsEmulator emulator) throws Exception {
        this.aws = new EmulatorClients(emulator);
        this.sink = new LoopbackSink();
    }

    @AfterEach
    void stop() {
        running.forEach(AdapterRuntime::close);
        sink.close();
        aws.close();
    }

    private AdapterRuntime source(EmulatorClients.Queue queue, String... pairs) throws Exception {
        List<String> all = new ArrayList<>(List.of("ARN", queue.arn(), "K_SINK", sink.uri().toString(),
                "SQS_POLLERS", "1", "SINK_CONCURRENCY", "4"));
        all.addAll(List.of(pairs));
        AdapterRuntime runtime = AdapterRuntime.start(aws.adapterEnv(all.toArray(String[]::new)), new SqsSourceAdapter());
        running.add(runtime);
        return runtime;
    }

    private String send(EmulatorClients.Queue queue, String body) {
        return aws.sqs().sendMessage(b -> b.queueUrl(queue.url()).messageBody(body)).messageId();
    }

    private static JsonNode data(CloudEvent event) throws Exception {
        return JSON.readTree(event.getData().toBytes());
    }

    @Test
    void jsonAndTextMessagesWithAttributesBecomeSqsMessageEvents() throws Exception {
        EmulatorClients.Queue queue = aws.queue("source-default");
        String json = send(queue, "{\"order\": 7}");
        String text = aws.sqs().sendMessage(b -> b.queueUrl(queue.url()).messageBody("just text")
                .messageAttributes(Map.of("Trace-Id", MessageAttributeValue.builder().dataType("String")
                        .stringValue("t-1").build()))).messageId();

        source(queue);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.ids())
                .containsExactlyInAnyOrder(json, text));
        CloudEvent jsonEvent = sink.accepted().stream().filter(e -> e.getId().equals(json)).findFirst().orElseThrow();
        CloudEvent textEvent = sink.accepted().stream().filter(e -> e.getId().equals(text)).findFirst().orElseThrow();
        assertThat(jsonEvent.getType()).isEqualTo("com.amazon.sqs.message");
        assertThat(jsonEvent.getSource()).hasToString(queue.arn());
        assertThat(data(jsonEvent).path("Body").path("order").asInt()).isEqualTo(7);
        assertThat(data(textEvent).path("Body").asText()).isEqualTo("just text");
        assertThat(textEvent.getExtension("traceid")).isEqualTo("t-1");
        aws.awaitEmpty(queue, Duration.ofSeconds(10));
    }

    @Test
    void s3NotificationsBecomeOneEventPerRecord() throws Exception {
        EmulatorClients.Queue queue = aws.queue("source-s3");
        send(queue, """
                {"Records": [{"eventName": "ObjectCreated:Put", "eventTime": "2026-11-02T10:00:00.000",
                  "s3": {"bucket": {"name": "uploads", "arn": "arn:aws:s3:::uploads"},
                         "object": {"key": "a%2Fb+c.txt", "size": 1}}},
                 {"eventName": "ObjectRemoved:Delete", "eventTime": "2026-11-02T10:00:01.000",
                  "s3": {"bucket": {"name": "uploads"}, "object": {"key": "d.txt"}}}]}""");

        source(queue, "MESSAGE_PROCESSOR", "s3");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.accepted()).hasSize(2));
        assertThat(sink.accepted()).extracting(CloudEvent::getType)
                .containsExactlyInAnyOrder("com.amazon.s3.objectcreated", "com.amazon.s3.objectremoved");
        assertThat(sink.accepted()).extracting(CloudEvent::getSubject).containsExactlyInAnyOrder("a/b c.txt", "d.txt");
        assertThat(sink.accepted()).allSatisfy(e -> assertThat(e.getSource()).hasToString("arn:aws:s3:::uploads"));
        assertThat(sink.accepted().get(0).getType()).startsWith(S3EventNotifications.TYPE_PREFIX);
    }

    @Test
    void eventBridgeEventsAreUnwrapped() throws Exception {
        EmulatorClients.Queue queue = aws.queue("source-eb");
        send(queue, """
                {"version": "0", "id": "eb-1", "detail-type": "Order Placed", "source": "com.shop.orders",
                 "account": "123456789012", "time": "2026-11-02T10:00:00Z", "region": "us-east-1",
                 "resources": [], "detail": {"order": 9}}""");

        source(queue, "MESSAGE_PROCESSOR", "eventbridge");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.accepted()).singleElement()
                .satisfies(e -> {
                    assertThat(e.getId()).isEqualTo("eb-1");
                    assertThat(e.getSource()).hasToString("com.shop.orders");
                    assertThat(e.getSubject()).isEqualTo("Order Placed");
                    assertThat(data(e).path("order").asInt()).isEqualTo(9);
                }));
    }

    @Test
    void theSpecsVisibilityTimeoutIsHonoured() throws Exception {
        // The queue's own timeout is 0: were the spec's ignored, a second receiver would get the message at once.
        EmulatorClients.Queue queue = aws.queue("source-visibility", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "0"));
        String id = send(queue, "held");
        sink.hold();

        source(queue, "VISIBILITY_TIMEOUT_SECONDS", "5");
        await().atMost(Duration.ofSeconds(20)).until(() -> aws.depth(queue) == 1 && visibleCount(queue) == 0);
        assertThat(aws.sqs().receiveMessage(b -> b.queueUrl(queue.url()).waitTimeSeconds(1)).messages())
                .as("invisible to other receivers while the adapter delivers it").isEmpty();

        sink.release();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.ids()).containsExactly(id));
        aws.awaitEmpty(queue, Duration.ofSeconds(10));
    }

    @Test
    void aRedeliveredMessageKeepsItsEventId() throws Exception {
        EmulatorClients.Queue queue = aws.queue("source-redelivery");
        String id = send(queue, "again");
        List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        sink.answer(e -> {
            attempts.add(e.getId());
            return attempts.size() == 1 ? LoopbackSink.Answer.retryAfter(503, 1) : LoopbackSink.Answer.OK;
        });

        source(queue);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sink.ids()).containsExactly(id));
        assertThat(attempts).containsExactly(id, id);
        aws.awaitEmpty(queue, Duration.ofSeconds(10));
    }

    @Test
    void nothingIsLostAcrossASinkOutageAndAnAdapterRestartMidBatch() throws Exception {
        EmulatorClients.Queue queue = aws.queue("source-outage");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(send(queue, "m" + i));
        }
        AtomicInteger answered = new AtomicInteger();
        // Accepts five events, then the sink goes down: 503 with Retry-After.
        sink.answer(e -> answered.incrementAndGet() <= 5 ? LoopbackSink.Answer.OK
                : LoopbackSink.Answer.retryAfter(503, 1));
        AdapterRuntime first = source(queue, "VISIBILITY_TIMEOUT_SECONDS", "2");
        await().atMost(Duration.ofSeconds(20)).until(() -> answered.get() > 8);

        first.close();
        sink.answer(e -> LoopbackSink.Answer.OK);
        source(queue, "VISIBILITY_TIMEOUT_SECONDS", "2");

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(sink.ids())
                .containsAll(ids));
        aws.awaitEmpty(queue, Duration.ofSeconds(10));
    }

    private int visibleCount(EmulatorClients.Queue queue) {
        return Integer.parseInt(aws.sqs().getQueueAttributes(b -> b.queueUrl(queue.url()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().get(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
