package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.queues.CallLimit;
import io.triggermesh.aws.adapter.queues.SqsErrors;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 * wait until ten are ready (or the batch would pass {@code maxBatchBytes}) or the oldest has waited {@code linger};
 * a partial batch then leaves only while fewer than four calls are in flight, a full one while fewer than
 * {@code maxCalls} are ({@link CallLimit}), so that under load batches leave full. A failed entry fails only its
 * own message.
 *
 * <p>Ours rather than the SDK's {@code SqsAsyncBatchManager} (checked against its 2.57.8 classes), for what the
 * target's replies need: it holds every send for its flush interval even when nothing else is in flight, where this
 * one sends a lone message at once (a lone request is the common case at low load and must not wait); its
 * configuration has a batch size and a flush interval but no bound on calls in flight; it fails a refused entry with
 * an {@code SqsException} that keeps the code and message but drops {@code SenderFault}, which decides between 400
 * and 503 for codes {@code SqsErrors} does not know; and it needs an {@code SqsAsyncClient}, so an async HTTP client (Netty or CRT)
 * that adapters leave out. FIFO fields (group and deduplication id) both carry. Measured against it by
 * {@code BatcherBenchmark} (docs/benchmarks.md, "SDK batch manager vs ours"; two runs, loaded 2-core machine, before
 * partial batches were held to four calls): the
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
    /** Calls in flight for partial batches (or SEND_CONCURRENCY when lower); see {@link CallLimit}. */
    static final int START_CALLS = 4;
    /** A sender thread with nothing to send ends after this long. */
    static final Duration SENDER_IDLE = Duration.ofSeconds(10);

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

    /** A message waiting for a call, since {@code since} ({@link System#nanoTime}). */
    private record Pending(TargetMessage message, CompletableFuture<Outcome> result, long since) {
    }

    /** Batch entry ids by position. */
    private static final String[] ENTRY_IDS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    private static final Outcome STOPPING = new Outcome.Failed(SEND, null, "the adapter is stopping", false, null);

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final long lingerNanos;
    private final int maxBatchBytes;
    private final ThreadPoolExecutor callers;
    private final ScheduledExecutorService timer;
    // Everything below is guarded by the lock on waiting.
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final CallLimit senders;
    private long waitingBytes;
    private boolean lingerScheduled;
    private boolean closed;
    final LongAdder sendCalls = new LongAdder();
    final LongAdder batchCalls = new LongAdder();
    /** Messages sent in batches; with {@link #batchCalls}, how full the batches were. */
    final LongAdder batchedMessages = new LongAdder();

    SendBatcher(SqsClient sqs, Supplier<String> queueUrl, int maxCalls, Duration linger, int maxBatchBytes) {
        this(sqs, queueUrl, Math.min(START_CALLS, maxCalls), maxCalls, linger, maxBatchBytes, SENDER_IDLE);
    }

    /**
     * @param startCalls calls in flight for partial batches; full ones may have up to {@code maxCalls}
     *     ({@link CallLimit})
     * @param senderIdle how long a sender thread with nothing to send lives on
     */
    SendBatcher(SqsClient sqs, Supplier<String> queueUrl, int startCalls, int maxCalls, Duration linger,
            int maxBatchBytes, Duration senderIdle) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.senders = new CallLimit(startCalls, maxCalls);
        this.lingerNanos = linger.toNanos();
        this.maxBatchBytes = maxBatchBytes;
        AtomicInteger count = new AtomicInteger();
        // A thread per call in flight, made when no idle one is left and ended when idle: as many threads as the
        // load needs (the CallLimit bounds the calls), not SEND_CONCURRENCY of them from the first burst on.
        this.callers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, senderIdle.toNanos(), TimeUnit.NANOSECONDS,
                new SynchronousQueue<>(), r -> daemon(r, "sqs-send-" + count.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sqs-send-linger"));
    }

    CompletableFuture<Outcome> submit(TargetMessage message) {
        Pending pending = new Pending(message, new CompletableFuture<>(), System.nanoTime());
        synchronized (waiting) {
            if (closed) {
                pending.result().complete(STOPPING);
            } else if (senders.idle() && waiting.isEmpty()) {
                // Nothing else in flight: no batch to wait for.
                senders.started();
                callers.execute(() -> send(List.of(pending)));
            } else {
                waiting.add(pending);
                waitingBytes += message.bytes();
                dispatch(false);
            }
        }
        return pending.result();
    }

    /**
     * Starts the calls that are due: a full batch, or what waits when nothing is in flight or the oldest has waited
     * out the linger, while the {@link CallLimit} allows. With {@code forCaller}, the first batch is returned for
     * the calling sender to send itself (no hand-off to another thread). Caller holds the lock.
     */
    private List<Pending> dispatch(boolean forCaller) {
        List<Pending> own = null;
        while (!waiting.isEmpty() && !closed) {
            boolean full = waiting.size() >= MAX_ENTRIES || waitingBytes > maxBatchBytes;
            long waited = System.nanoTime() - waiting.peek().since();
            if (!full && !senders.idle() && waited < lingerNanos) {
                if (!lingerScheduled) {
                    lingerScheduled = true;
                    timer.schedule(this::lingerExpired, lingerNanos - waited, TimeUnit.NANOSECONDS);
                }
                break;
            }
            if (!senders.mayStart(full)) {
                break; // the next sender to come free takes it
            }
            List<Pending> batch = take();
            senders.started();
            if (forCaller && own == null) {
                own = batch;
            } else {
                callers.execute(() -> send(batch));
            }
        }
        return own;
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(Math.min(MAX_ENTRIES, waiting.size()));
        int bytes = 0;
        while (!waiting.isEmpty() && batch.size() < MAX_ENTRIES) {
            int next = waiting.peek().message().bytes();
            if (!batch.isEmpty() && bytes + next > maxBatchBytes) {
                break;
            }
            bytes += next;
            batch.add(waiting.poll());
        }
        waitingBytes -= bytes;
        return batch;
    }

    private void lingerExpired() {
        synchronized (waiting) {
            lingerScheduled = false;
            dispatch(false);
        }
    }

    /** One sender: sends its batch, then the next one due, if any, until none is. */
    private void send(List<Pending> batch) {
        while (batch != null) {
            Outcome[] outcomes = null;
            List<Pending> next;
            try {
                outcomes = call(batch);
            } finally {
                synchronized (waiting) {
                    senders.ended();
                    next = dispatch(outcomes != null);
                }
            }
            // Completing only now: a client that gets its answer and sends its next event at once finds no call in
            // flight, so that event goes out alone at once instead of waiting out the linger.
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(outcomes[i]);
            }
            batch = next;
        }
    }

    private Outcome[] call(List<Pending> batch) {
        try {
            return batch.size() == 1 ? new Outcome[] {sendOne(batch.get(0).message())} : sendBatch(batch);
        } catch (RuntimeException e) {
            Outcome[] outcomes = new Outcome[batch.size()];
            Arrays.fill(outcomes, new Outcome.Failed(batch.size() == 1 ? SEND : SEND_BATCH, null,
                    SqsErrors.summary(e), false, e));
            return outcomes;
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
            entries.add(SendMessageBatchRequestEntry.builder().id(ENTRY_IDS[i]).messageBody(m.body())
                    .messageGroupId(m.groupId()).messageDeduplicationId(m.deduplicationId()).build());
        }
        batchCalls.increment();
        batchedMessages.add(batch.size());
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

    /** Calls in flight now. */
    int inFlight() {
        synchronized (waiting) {
            return senders.inFlight();
        }
    }

    /** The most calls that were in flight at once. */
    int peakSenders() {
        synchronized (waiting) {
            return senders.peak();
        }
    }

    /** Sender threads alive, busy or idle. */
    int senderThreads() {
        return callers.getPoolSize();
    }

    @Override
    public void close() {
        synchronized (waiting) {
            closed = true; // no call starts from now on
        }
        timer.shutdownNow();
        callers.shutdown();
        try {
            callers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (waiting) {
            waiting.forEach(p -> p.result().complete(STOPPING));
            waiting.clear();
            waitingBytes = 0;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
