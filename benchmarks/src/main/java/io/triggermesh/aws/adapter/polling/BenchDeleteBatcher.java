package io.triggermesh.aws.adapter.polling;

import io.triggermesh.aws.adapter.queues.SqsErrors;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The benchmark's way in to the polling engine's package-private {@link SqsBatcher} of deletes (this class sits in the
 * engine's package, in the benchmarks module only), built as {@link QueueConsumer} builds it: {@link QueueCalls}'
 * DeleteMessageBatch with its retries, the default delete linger, two calls at once for partial batches and eight for
 * full ones, at most 90 entries held (the engine's defaults, {@link BatchLimits}). The engine's batcher answers
 * nobody; for the benchmark a call's entries are completed once the call returns without asking for them again.
 */
public final class BenchDeleteBatcher implements AutoCloseable {

    private final LongAdder calls = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Threads.named("bench-linger"));
    private final SqsBatcher<QueueCalls.Delete> batcher;

    /** As the engine builds it: two calls at once for partial batches, eight for full ones. */
    public BenchDeleteBatcher(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, 2);
    }

    /**
     * With {@code threads} calls at once for partial batches too (the engine's is 2; full batches get at least 8), to
     * compare at equal calls in flight.
     */
    public BenchDeleteBatcher(SqsClient sqs, String queueUrl, int threads) {
        QueueCalls queueCalls = new QueueCalls(sqs, queueUrl, "bench", calls, new LongAdder(), deleted);
        this.batcher = new SqsBatcher<>("delete", batch -> completed(batch, queueCalls.delete(batch)),
                linger(), timer, threads);
    }

    /**
     * What the engine would do with a delete that failed with {@code error} (all an SDK future gives): its kind, and
     * whether {@link QueueCalls} would try it again.
     */
    public static String verdictFor(Throwable error) {
        SqsErrors.Kind kind = SqsErrors.classify(error);
        return "classified " + kind + (QueueCalls.isTransient(kind) ? ", so tried again (up to "
                + QueueCalls.MAX_ATTEMPTS + " attempts)" : ", so not tried again");
    }

    /** The engine's default delete linger. */
    public static Duration linger() {
        return QueueConsumerSettings.defaults().deleteLinger();
    }

    /** Deletes the message; completes with null once the batcher is done with it (deleted or given up). */
    public CompletableFuture<String> delete(String receiptHandle) {
        CompletableFuture<String> done = new CompletableFuture<>();
        pending.put(receiptHandle, done);
        batcher.add(new QueueCalls.Delete(receiptHandle, receiptHandle, 1));
        return done;
    }

    /** DeleteMessageBatch calls so far, retries included. */
    public long calls() {
        return calls.sum();
    }

    /** Entries SQS reported deleted so far. */
    public long deleted() {
        return deleted.sum();
    }

    private List<QueueCalls.Delete> completed(List<QueueCalls.Delete> batch, List<QueueCalls.Delete> again) {
        Set<String> retried = new HashSet<>();
        again.forEach(d -> retried.add(d.receiptHandle()));
        for (QueueCalls.Delete d : batch) {
            if (!retried.contains(d.receiptHandle())) {
                CompletableFuture<String> done = pending.remove(d.receiptHandle());
                if (done != null) {
                    done.complete(null);
                }
            }
        }
        return again;
    }

    @Override
    public void close() {
        batcher.close(Duration.ofSeconds(10));
        timer.shutdownNow();
    }
}
