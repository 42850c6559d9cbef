package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testkit.adapter.EmulatorClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batcher's adaptive sender count against moto's SQS: clients that each send their next message as soon as the
 * last one is answered (as the target's HTTP clients do), so calls in flight and batch sizes follow the load.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SendBatcherAdaptiveIT {

    /**
     * Longer than the adapter's 2 ms, so that a loaded machine cannot stretch the few microseconds in which a batch's
     * ten clients send their next messages past it: the test is about senders, not about scheduling delays.
     */
    private static final Duration LINGER = Duration.ofMillis(50);
    private static final Duration SENDER_IDLE = Duration.ofMillis(300);
    private static final int CLIENTS = 30;

    private final EmulatorClients aws;
    private final List<SendBatcher> batchers = new ArrayList<>();
    private final Map<SendBatcher, EmulatorClients.Queue> queues = new HashMap<>();

    SendBatcherAdaptiveIT(AwsEmulator emulator) {
        this.aws = new EmulatorClients(emulator);
    }

    @AfterEach
    void stop() {
        batchers.forEach(SendBatcher::close);
        aws.close();
    }

    private SendBatcher batcher(int start, int max, Duration linger) {
        EmulatorClients.Queue queue = aws.queue("adaptive");
        SendBatcher batcher = new SendBatcher(aws.sqs(), queue::url, start, max, linger, 256 * 1024, SENDER_IDLE);
        batchers.add(batcher);
        queues.put(batcher, queue);
        return batcher;
    }

    private EmulatorClients.Queue queueOf(SendBatcher batcher) {
        return queues.get(batcher);
    }

    private static TargetMessage message(String body) {
        return new TargetMessage(body, body.length(), null, null);
    }

    /** {@code clients} closed loops, {@code perClient} messages each; completes when every one was sent. */
    private static CompletableFuture<Void> closedLoop(SendBatcher batcher, int clients, int perClient) {
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            next(batcher, "client-" + c, new AtomicInteger(perClient), done);
            loops.add(done);
        }
        return CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new));
    }

    private static void next(SendBatcher batcher, String client, AtomicInteger left, CompletableFuture<Void> done) {
        batcher.submit(message(client + "-" + left.get())).whenComplete((outcome, error) -> {
            if (error != null || !(outcome instanceof SendBatcher.Outcome.Sent)) {
                done.completeExceptionally(new AssertionError(client + " got " + outcome, error));
            } else if (left.decrementAndGet() == 0) {
                done.complete(null);
            } else {
                next(batcher, client, left, done);
            }
        });
    }

    private static double meanBatch(SendBatcher batcher) {
        return (double) batcher.batchedMessages.sum() / Math.max(1, batcher.batchCalls.sum());
    }

    @Test
    void underLoadFullBatchesGetSendersBeyondTheStartAndBatchesLeaveFull() throws Exception {
        SendBatcher batcher = batcher(1, 8, LINGER);

        closedLoop(batcher, CLIENTS, 10).get(120, TimeUnit.SECONDS);

        // 30 clients fill three batches of ten: one sender would carry only one of them at a time.
        assertThat(batcher.peakSenders()).as("calls in flight at once").isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(meanBatch(batcher)).as("messages per batch").isGreaterThanOrEqualTo(8.0);
        assertThat(aws.depth(queueOf(batcher))).isEqualTo(CLIENTS * 10);
    }

    @Test
    void aLoneMessageIsSentAtOnceWithoutWaitingForTheLinger() throws Exception {
        // A linger far longer than the wait below: only a message sent at once can make it.
        SendBatcher batcher = batcher(1, 8, Duration.ofSeconds(60));

        SendBatcher.Outcome outcome = batcher.submit(message("alone")).get(20, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(SendBatcher.Outcome.Sent.class);
        assertThat(batcher.sendCalls.sum()).isEqualTo(1);
        assertThat(batcher.batchCalls.sum()).isZero();
    }

    @Test
    void whenTheLoadIsGoneTheSenderThreadsEndAndALoneMessageStillGoesOutAtOnce() throws Exception {
        SendBatcher batcher = batcher(2, 8, LINGER);
        closedLoop(batcher, CLIENTS, 5).get(120, TimeUnit.SECONDS);
        assertThat(batcher.peakSenders()).isGreaterThan(2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(batcher.inFlight()).isZero();
            assertThat(batcher.senderThreads()).isZero();
        });
        long sends = batcher.sendCalls.sum();
        long batches = batcher.batchCalls.sum();
        assertThat(batcher.submit(message("after")).get(20, TimeUnit.SECONDS))
                .isInstanceOf(SendBatcher.Outcome.Sent.class);
        assertThat(batcher.sendCalls.sum()).isEqualTo(sends + 1);
        assertThat(batcher.batchCalls.sum()).isEqualTo(batches);
    }
}
