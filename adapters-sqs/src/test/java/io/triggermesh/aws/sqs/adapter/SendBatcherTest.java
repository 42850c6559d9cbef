package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

class SendBatcherTest {

    /** Records calls; a body "fail" fails its batch entry; the first call can be held. */
    static final class RecordingSqs implements SqsClient {
        final List<Integer> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        volatile boolean holdFirst;
        private final AtomicInteger ids = new AtomicInteger();

        private void maybeHold() {
            if (holdFirst && calls.size() == 1) {
                firstCallStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        final List<String> callerThreads = new CopyOnWriteArrayList<>();

        @Override
        public SendMessageResponse sendMessage(SendMessageRequest request) {
            calls.add(1);
            callerThreads.add(Thread.currentThread().getName());
            maybeHold();
            return SendMessageResponse.builder().messageId("id-" + ids.incrementAndGet()).build();
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            calls.add(request.entries().size());
            maybeHold();
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            request.entries().forEach(e -> {
                if (e.messageBody().equals("fail")) {
                    failed.add(BatchResultErrorEntry.builder().id(e.id()).code("InvalidMessageContents")
                            .senderFault(true).message("bad").build());
                } else {
                    ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId("id-" + ids.incrementAndGet())
                            .build());
                }
            });
            return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private final RecordingSqs sqs = new RecordingSqs();
    private SendBatcher batcher;

    @AfterEach
    void close() {
        sqs.release.countDown();
        batcher.close();
    }

    /** The first message, alone, which SQS holds. */
    private CompletableFuture<SendBatcher.Outcome> firstHeld() {
        return batcher.submit(message("first"));
    }

    private static TargetMessage message(String body) {
        return new TargetMessage(body, body.length(), null, null);
    }

    @Test
    void aLoneMessageGoesOutAtOnceWithSendMessage() throws Exception {
        batcher = new SendBatcher(sqs, () -> "url", 4, Duration.ofSeconds(30), 256 * 1024);

        SendBatcher.Outcome outcome = batcher.submit(message("hello")).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(SendBatcher.Outcome.Sent.class);
        assertThat(sqs.calls).containsExactly(1);
        assertThat(batcher.batchCalls.sum()).isZero();
    }

    @Test
    void submittingNeverWaitsForSqs() throws Exception {
        batcher = new SendBatcher(sqs, () -> "url", 4, Duration.ofSeconds(30), 256 * 1024);
        sqs.holdFirst = true;

        CompletableFuture<SendBatcher.Outcome> held = batcher.submit(message("held"));

        assertThat(sqs.firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(held).isNotDone();
        assertThat(sqs.callerThreads).singleElement().asString().startsWith("sqs-send-");
        sqs.release.countDown();
        assertThat(held.get(5, TimeUnit.SECONDS)).isInstanceOf(SendBatcher.Outcome.Sent.class);
    }

    @Test
    void concurrentMessagesAreCoalescedIntoBatchesOfAtMostTen() throws Exception {
        batcher = new SendBatcher(sqs, () -> "url", 1, Duration.ofMillis(2), 256 * 1024);
        sqs.holdFirst = true;
        List<CompletableFuture<SendBatcher.Outcome>> results = new ArrayList<>();
        results.add(firstHeld());
        assertThat(sqs.firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 11; i++) {
            results.add(batcher.submit(message("m" + i)));
        }

        sqs.release.countDown();

        await().untilAsserted(() -> assertThat(results).allMatch(CompletableFuture::isDone));
        assertThat(results).allSatisfy(r -> assertThat(r.get(10, TimeUnit.SECONDS)).isInstanceOf(SendBatcher.Outcome.Sent.class));
        assertThat(sqs.calls).containsExactly(1, 10, 1);
    }

    @Test
    void aFailedEntryFailsOnlyItsOwnMessage() throws Exception {
        batcher = new SendBatcher(sqs, () -> "url", 1, Duration.ofMillis(2), 256 * 1024);
        sqs.holdFirst = true;
        CompletableFuture<SendBatcher.Outcome> first = firstHeld();
        assertThat(sqs.firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<SendBatcher.Outcome> good = batcher.submit(message("good"));
        CompletableFuture<SendBatcher.Outcome> bad = batcher.submit(message("fail"));

        sqs.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(SendBatcher.Outcome.Sent.class);
        assertThat(good.get(10, TimeUnit.SECONDS)).isInstanceOf(SendBatcher.Outcome.Sent.class);
        assertThat(bad.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(SendBatcher.Outcome.Failed.class, f -> {
            assertThat(f.code()).isEqualTo("InvalidMessageContents");
            assertThat(f.senderFault()).isTrue();
        });
    }

    @Test
    void batchesStayWithinTheSizeLimit() throws Exception {
        batcher = new SendBatcher(sqs, () -> "url", 1, Duration.ofMillis(2), 100);
        sqs.holdFirst = true;
        CompletableFuture<SendBatcher.Outcome> first = firstHeld();
        assertThat(sqs.firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<SendBatcher.Outcome>> rest = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rest.add(batcher.submit(message("x".repeat(40))));
        }

        sqs.release.countDown();

        first.get(10, TimeUnit.SECONDS);
        rest.forEach(CompletableFuture::join);
        assertThat(sqs.calls).containsExactly(1, 2, 2);
    }

    @Test
    void whileTheFirstSendersAreBusyAPartialBatchWaitsAndAFullOneGetsASenderOfItsOwn() throws Exception {
        // Partial batches on one sender, full ones on up to four; a linger that has always expired.
        batcher = new SendBatcher(sqs, () -> "url", 1, 4, Duration.ofNanos(1), 256 * 1024, Duration.ofSeconds(5));
        sqs.holdFirst = true;
        List<CompletableFuture<SendBatcher.Outcome>> results = new ArrayList<>();
        results.add(firstHeld());
        assertThat(sqs.firstCallStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            results.add(batcher.submit(message("early" + i)));
        }
        // Three waiting and the one sender busy: no second call for them, however long they wait...
        for (int i = 0; i < 7; i++) {
            results.add(batcher.submit(message("late" + i)));
        }

        // ...until ten make a full batch, which gets a sender of its own while the first is still held.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sqs.calls).containsExactly(1, 10));
        assertThat(batcher.peakSenders()).isEqualTo(2);
        sqs.release.countDown();
        for (CompletableFuture<SendBatcher.Outcome> r : results) {
            assertThat(r.get(10, TimeUnit.SECONDS)).isInstanceOf(SendBatcher.Outcome.Sent.class);
        }
        // Nothing in flight: the next message goes out alone, at once (the linger cannot be what sends it here).
        await().atMost(Duration.ofSeconds(10)).until(() -> batcher.inFlight() == 0);
        assertThat(batcher.submit(message("alone")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(SendBatcher.Outcome.Sent.class);
        assertThat(sqs.calls).containsExactly(1, 10, 1);
    }

    @Test
    void senderThreadsEndWhenThereIsNothingToSend() throws Exception {
        batcher = new SendBatcher(sqs, () -> "url", 1, 4, Duration.ofMillis(2), 256 * 1024, Duration.ofMillis(100));

        assertThat(batcher.submit(message("one")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(SendBatcher.Outcome.Sent.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> batcher.senderThreads() == 0);
    }
}
