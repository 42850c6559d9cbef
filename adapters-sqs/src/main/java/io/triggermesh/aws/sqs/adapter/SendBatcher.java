package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.queues.SqsErrors;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Coalesces concurrent sends into SendMessageBatch calls. While no call is in flight a message goes out at once,
 * alone, with SendMessage: a lone request is never slower than a plain send. {@link #submit} never blocks: every
 * call runs on the batcher's own threads, so callers may be network event loops. While calls are in flight, messages
 * wait until ten are ready (or the batch would pass {@code maxBatchBytes}) or the oldest has waited {@code linger},
 * and at most {@code maxCalls} calls run at once. A failed entry fails only its own message.
 *
 * <p>Ours rather than the SDK's {@code SqsAsyncBatchManager} (checked against its 2.57.8 classes), for what the
 * target's replies need: it holds every send for its flush interval even when nothing else is in flight, where this
 * one sends a lone message at once (a lone request is the common case at low load and must not wait); its
 * configuration has a batch size and a flush interval but no bound on calls in flight; it fails a refused entry with
 * an {@code SqsException} that keeps the code and message but drops {@code SenderFault}, which decides between 400
 * and 503 for codes {@code SqsErrors} does not know; and it needs an {@code SqsAsyncClient}, so an async HTTP client (Netty or CRT)
 * that adapters leave out. FIFO fields (group and deduplication id) both carry. Measured against it by
 * {@code BatcherBenchmark} (docs/benchmarks.md, "SDK batch manager vs ours"; two runs, loaded 2-core machine): the
 * SDK's manager on its Netty client sent 1.3 to 1.4x as many messages/s at 16 producers (0.95 to 1.4x at 64); this
 * one used 0.77 to 0.97x its CPU per message, answered a lone message in 3.3 to 4.0 ms where the SDK's took 200 ms
 * (its flush interval set to our 2 ms linger: 2.7 to 3.0 ms, but 10 to 15 ms of CPU per second while idle), and keeps
 * {@code SenderFault}. Kept for those, not for its rate.
 *
 * <p>Not merged with the polling engine's {@code SqsBatcher} either: that one always lingers, retries the entries a
 * call returns, and answers nobody; this one answers each message with its own outcome and bounds calls in flight.
 */
final class SendBatcher implements AutoCloseable {

    static final int MAX_ENTRIES = 10;
    static final String SEND = "sqs:SendMessage";
    /** AWS authorises SendMessageBatch as sqs:SendMessage; moto wants this name. */
    static final String SEND_BATCH = "sqs:SendMessageBatch";

    /** What happened to one message. */
    sealed interface Outcome {
        record Sent(String messageId, String sequenceNumber) implements Outcome {
        }

        /**
         * SQS refused this entry ({@code code} from the batch result) or the whole call ({@code error});
         * {@code action} is the IAM action of the call, for access-denied answers.
         */
        record Failed(String action, String code, String message, boolean senderFault, Throwable error)
                implements Outcome {
        }
    }

    private record Pending(TargetMessage message, CompletableFuture<Outcome> result) {
    }

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final int maxCalls;
    private final Duration linger;
    private final int maxBatchBytes;
    private final ExecutorService callers;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int inFlight;
    private boolean lingerScheduled;
    final LongAdder sendCalls = new LongAdder();
    final LongAdder batchCalls = new LongAdder();

    SendBatcher(SqsClient sqs, Supplier<String> queueUrl, int maxCalls, Duration linger, int maxBatchBytes) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.maxCalls = maxCalls;
        this.linger = linger;
        this.maxBatchBytes = maxBatchBytes;
        AtomicInteger count = new AtomicInteger();
        this.callers = Executors.newFixedThreadPool(maxCalls, r -> daemon(r, "sqs-send-" + count.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sqs-send-linger"));
    }

    CompletableFuture<Outcome> submit(TargetMessage message) {
        Pending pending = new Pending(message, new CompletableFuture<>());
        boolean alone;
        synchronized (waiting) {
            alone = inFlight == 0 && waiting.isEmpty();
            if (alone) {
                inFlight++;
            } else {
                waiting.add(pending);
                dispatch(false);
            }
        }
        if (alone) {
            // Nothing else in flight: no batch to wait for.
            callers.execute(() -> call(List.of(pending)));
        }
        return pending.result();
    }

    // Caller holds the lock.
    private void dispatch(boolean lingered) {
        while (!waiting.isEmpty() && inFlight < maxCalls) {
            boolean idle = inFlight == 0;
            if (!idle && !lingered && !fullBatchWaiting()) {
                if (!lingerScheduled) {
                    lingerScheduled = true;
                    timer.schedule(this::lingerExpired, linger.toNanos(), TimeUnit.NANOSECONDS);
                }
                return;
            }
            List<Pending> batch = take();
            inFlight++;
            callers.execute(() -> call(batch));
        }
    }

    private boolean fullBatchWaiting() {
        if (waiting.size() >= MAX_ENTRIES) {
            return true;
        }
        int bytes = 0;
        for (Pending p : waiting) {
            bytes += p.message().bytes();
            if (bytes > maxBatchBytes) {
                return true;
            }
        }
        return false;
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(MAX_ENTRIES);
        int bytes = 0;
        while (!waiting.isEmpty() && batch.size() < MAX_ENTRIES) {
            int next = waiting.peek().message().bytes();
            if (!batch.isEmpty() && bytes + next > maxBatchBytes) {
                break;
            }
            bytes += next;
            batch.add(waiting.poll());
        }
        return batch;
    }

    private void lingerExpired() {
        synchronized (waiting) {
            lingerScheduled = false;
            dispatch(true);
        }
    }

    private void call(List<Pending> batch) {
        Outcome[] outcomes;
        try {
            outcomes = batch.size() == 1 ? new Outcome[] {sendOne(batch.get(0).message())} : sendBatch(batch);
        } catch (RuntimeException e) {
            outcomes = new Outcome[batch.size()];
            Arrays.fill(outcomes, new Outcome.Failed(batch.size() == 1 ? SEND : SEND_BATCH, null,
                    SqsErrors.summary(e), false, e));
        } finally {
            synchronized (waiting) {
                inFlight--;
                dispatch(false);
            }
        }
        // Completing only now: a client that gets its answer and sends its next event at once finds no call in
        // flight, so that event goes out alone at once instead of waiting out the linger.
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(outcomes[i]);
        }
    }

    private Outcome sendOne(TargetMessage m) {
        sendCalls.increment();
        SendMessageResponse response = sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(m.body())
                .messageGroupId(m.groupId()).messageDeduplicationId(m.deduplicationId()));
        return new Outcome.Sent(response.messageId(), response.sequenceNumber());
    }

    private Outcome[] sendBatch(List<Pending> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            TargetMessage m = batch.get(i).message();
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(m.body())
                    .messageGroupId(m.groupId()).messageDeduplicationId(m.deduplicationId()).build());
        }
        batchCalls.increment();
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl.get()).entries(entries));
        // An entry SQS left out of both lists would otherwise hang its request.
        Outcome[] outcomes = new Outcome[batch.size()];
        Arrays.fill(outcomes, new Outcome.Failed(SEND_BATCH, null, "SQS did not report this entry", false, null));
        for (SendMessageBatchResultEntry ok : response.successful()) {
            outcomes[Integer.parseInt(ok.id())] = new Outcome.Sent(ok.messageId(), ok.sequenceNumber());
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            outcomes[Integer.parseInt(failed.id())] = new Outcome.Failed(SEND_BATCH, failed.code(), failed.message(),
                    Boolean.TRUE.equals(failed.senderFault()), null);
        }
        return outcomes;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        callers.shutdown();
        try {
            callers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (waiting) {
            waiting.forEach(p -> p.result().complete(new Outcome.Failed(SEND, null, "the adapter is stopping",
                    false, null)));
            waiting.clear();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
