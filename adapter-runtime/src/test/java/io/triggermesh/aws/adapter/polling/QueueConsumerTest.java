package io.triggermesh.aws.adapter.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.sink.SinkResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class QueueConsumerTest {

    private final FakeQueue queue = new FakeQueue();
    private final RecordingSink sink = new RecordingSink();
    private QueueConsumer consumer;

    private static final QueueConsumerSettings FAST = QueueConsumerSettings.defaults()
            .withWaitTime(Duration.ofSeconds(1))
            .withDrainTimeout(Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.close();
        }
    }

    private static MessageEvents oneEvent(Message message) {
        CloudEvent event = CloudEventBuilder.v1().withId(message.messageId()).withType("test")
                .withSource(URI.create("urn:test")).withData("text/plain",
                        message.body().getBytes(StandardCharsets.UTF_8)).build();
        return MessageEvents.of(event);
    }

    private QueueConsumer start(QueueConsumerSettings settings, MessageHandler handler) {
        consumer = QueueConsumer.builder(queue, "https://queue", "arn:aws:sqs:us-east-1:123456789012:q", handler, sink)
                .settings(settings).onStop(queue::wakeAll).build();
        consumer.start();
        return consumer;
    }

    @Test
    void messagesAreDeletedOnlyAfterTheSinkAcceptedThem() {
        List<String> ids = List.of(queue.send("a"), queue.send("b"), queue.send("c"));
        start(FAST, QueueConsumerTest::oneEvent);

        await().untilAsserted(() -> assertThat(queue.deletedIds).containsExactlyInAnyOrderElementsOf(ids));
        assertThat(sink.ids()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(queue.size()).isZero();
    }

    @Test
    void receivesAskForTenMessagesAtATime() {
        for (int i = 0; i < 25; i++) {
            queue.send("m" + i);
        }
        start(FAST.withConcurrency(1, 4), QueueConsumerTest::oneEvent);

        await().untilAsserted(() -> assertThat(queue.size()).isZero());
        assertThat(queue.receiveBatchSizes).contains(10);
        assertThat(consumer.stats().deleteCalls()).isLessThan(25);
    }

    @Test
    void aMessageWithSeveralEventsIsDeletedOnlyWhenAllWereAccepted() {
        String id = queue.send("two");
        sink.answer = e -> e.getId().endsWith("-2") ? new SinkResult.Retryable(503, "busy",
                Optional.of(Duration.ofSeconds(7))) : new SinkResult.Accepted(200);
        start(FAST.withMaxRetryDelay(Duration.ofSeconds(1)), m -> MessageEvents.of(List.of(
                event(m.messageId() + "-1"), event(m.messageId() + "-2"))));

        await().untilAsserted(() -> assertThat(queue.visibilityTimeoutsSet).contains(7));
        assertThat(queue.deletedIds).doesNotContain(id);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void rejectedMessagesAreNotRetriedForever() {
        String id = queue.send("bad");
        sink.answer = e -> new SinkResult.Rejected(400, "bad event");
        start(FAST.withVisibilityTimeout(Duration.ofSeconds(1)).withMaxReceives(2), QueueConsumerTest::oneEvent);

        await().untilAsserted(() -> assertThat(queue.deletedIds).containsExactly(id));
        assertThat(sink.received).as("returned once, after a backoff, then dropped").hasSize(2);
        assertThat(queue.visibilityTimeoutsSet).containsExactly(1);
        assertThat(consumer.stats().messagesDropped()).isEqualTo(1);
    }

    @Test
    void malformedMessagesAreIsolatedAndNeverCrashTheConsumer() {
        String bad = queue.send("malformed");
        String good = queue.send("fine");
        start(FAST.withVisibilityTimeout(Duration.ofSeconds(1)).withMaxReceives(2), m -> {
            if (m.body().equals("malformed")) {
                throw new IllegalStateException("cannot parse");
            }
            return oneEvent(m);
        });

        await().untilAsserted(() -> assertThat(queue.deletedIds).containsExactlyInAnyOrder(good, bad));
        // At least once: with a 1 s visibility timeout a loaded machine may deliver the good message again before
        // its delete lands; what must hold is that the malformed one never reaches the sink.
        assertThat(sink.ids()).contains(good).containsOnly(good);
        assertThat(consumer.stats().messagesFailed()).isEqualTo(2);
    }

    @Test
    void retryableAnswersReturnTheMessageAfterTheSinksRetryAfter() {
        String id = queue.send("later");
        sink.answer = e -> new SinkResult.Retryable(429, "slow down", Optional.of(Duration.ofSeconds(1)));
        start(FAST, QueueConsumerTest::oneEvent);

        await().untilAsserted(() -> assertThat(queue.visibilityTimeoutsSet).contains(1));
        sink.answer = e -> new SinkResult.Accepted(200);
        await().untilAsserted(() -> assertThat(queue.deletedIds).containsExactly(id));
        assertThat(sink.ids()).containsOnly(id).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void slowDeliveriesKeepTheirMessageInvisible() {
        String id = queue.send("slow");
        // Extensions go out once less than half the timeout is left, checked every quarter of it: with 4 s that is
        // 1-2 s before expiry, a margin a stalled thread on a loaded machine does not eat (with 2 s it was 0.5-1 s).
        sink.holdMillis = 7_000;
        start(FAST.withVisibilityTimeout(Duration.ofSeconds(4)), QueueConsumerTest::oneEvent);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(queue.deletedIds).containsExactly(id));
        assertThat(sink.received).as("delivered once although it took longer than the visibility timeout")
                .hasSize(1);
        assertThat(queue.visibilityTimeoutsSet).contains(4);
    }

    @Test
    void inFlightMessagesAreBounded() {
        for (int i = 0; i < 40; i++) {
            queue.send("m" + i);
        }
        sink.holdMillis = 20;
        start(FAST.withConcurrency(2, 16).withMaxInFlight(5), QueueConsumerTest::oneEvent);

        await().untilAsserted(() -> assertThat(queue.size()).isZero());
        assertThat(sink.maxConcurrent.get()).isLessThanOrEqualTo(5);
        assertThat(queue.receiveBatchSizes).allMatch(size -> size <= 5);
    }

    @Test
    void receivingSlowsDownToWhatTheDeletesCarry() {
        for (int i = 0; i < 300; i++) {
            queue.send("m" + i);
        }
        java.util.concurrent.CountDownLatch deletes = new java.util.concurrent.CountDownLatch(1);
        queue.deletesHeld = deletes;
        start(FAST.withConcurrency(1, 4).withMaxInFlight(20), QueueConsumerTest::oneEvent);
        // 20 messages received and not delivered, and the deletes the batcher holds: room for its eight calls and a
        // batch filling.
        long held = 20 + BatchLimits.maxHeld(20, BatchLimits.FULL_CALLS);

        await().until(() -> consumer.stats().messagesReceived() >= held - 10);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> consumer.stats().messagesReceived() <= held);
        deletes.countDown();
        await().untilAsserted(() -> assertThat(queue.size()).isZero());
        assertThat(consumer.stats().messagesReceived()).isEqualTo(300);
    }

    @Test
    void aMissingQueueBacksOffInsteadOfLoopingTightly() {
        queue.receiveFailure = r -> QueueDoesNotExistException.builder().message("gone").build();
        start(FAST.withConcurrency(1, 1), QueueConsumerTest::oneEvent);

        await().until(() -> queue.receiveCalls.get() >= 1);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> queue.receiveCalls.get() <= 2);
        assertThat(consumer.stats().receiveErrors()).isBetween(1L, 2L);
    }

    @Test
    void failedDeleteEntriesAreTriedAgain() {
        String id = queue.send("x");
        queue.failDeleteEntriesOnce = 1;
        start(FAST, QueueConsumerTest::oneEvent);

        await().untilAsserted(() -> assertThat(queue.deletedIds).containsExactly(id));
        assertThat(queue.deleteCalls.get()).isEqualTo(2);
    }

    @Test
    void closingFlushesPendingDeletes() {
        List<String> ids = List.of(queue.send("a"), queue.send("b"));
        QueueConsumerSettings lingering = new QueueConsumerSettings(1, 2, 20, Duration.ofSeconds(30),
                Duration.ofSeconds(1), true, Duration.ofMinutes(5), 5, Duration.ofSeconds(60), Duration.ofSeconds(5));
        start(lingering, QueueConsumerTest::oneEvent);
        await().untilAsserted(() -> assertThat(sink.received).hasSize(2));
        assertThat(queue.deletedIds).as("deletes wait for the linger").isEmpty();

        consumer.close();

        assertThat(queue.deletedIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void messagesWithoutEventsAreDeleted() {
        String id = queue.send("nothing");
        start(FAST, m -> MessageEvents.of(List.of()));

        await().untilAsserted(() -> assertThat(queue.deletedIds).containsExactly(id));
        assertThat(sink.received).isEmpty();
    }

    private static CloudEvent event(String id) {
        return CloudEventBuilder.v1().withId(id).withType("test").withSource(URI.create("urn:test")).build();
    }
}
