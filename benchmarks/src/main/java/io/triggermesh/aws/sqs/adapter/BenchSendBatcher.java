package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.http.TargetReply;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The benchmark's way in to the SQS target's package-private {@link SendBatcher} (this class sits in the target's
 * package, in the benchmarks module only): built as {@link SqsTargetAdapter} builds it, with its linger and batch
 * byte limit and the default {@code SEND_CONCURRENCY} of 16. Used by {@code BatcherBenchmark}.
 */
public final class BenchSendBatcher implements AutoCloseable {

    /** {@code SEND_CONCURRENCY}'s default in {@link SqsTargetAdapter}. */
    public static final int DEFAULT_CONCURRENCY = 16;

    private final SendBatcher batcher;

    public BenchSendBatcher(SqsClient sqs, String queueUrl) {
        this.batcher = new SendBatcher(sqs, () -> queueUrl, DEFAULT_CONCURRENCY, SqsTargetAdapter.LINGER,
                SqsTargetAdapter.MAX_BATCH_BYTES);
    }

    /** The target's linger, for the SDK contender configured alike. */
    public static java.time.Duration linger() {
        return SqsTargetAdapter.LINGER;
    }

    /**
     * Sends {@code body} as the target sends a message (no FIFO fields; the body is not checked, so a probe can send
     * what SQS refuses). Completes with null once sent, else with what the target learns of the failure.
     */
    public CompletableFuture<String> send(String body) {
        TargetMessage message = new TargetMessage(body, body.getBytes(StandardCharsets.UTF_8).length, null, null);
        return batcher.submit(message).thenApply(outcome -> outcome instanceof SendBatcher.Outcome.Failed failed
                ? "entry failed: code " + failed.code() + ", senderFault " + failed.senderFault() + "; the target"
                        + " answers " + answer(failed)
                : null);
    }

    /** What the target would answer for a send that failed with {@code error} (all an SDK future gives). */
    public static String answerFor(Throwable error) {
        return answer(new SendBatcher.Outcome.Failed(SendBatcher.SEND_BATCH, null, error.getMessage(), false, error));
    }

    private static String answer(SendBatcher.Outcome.Failed failed) {
        TargetReply reply = new TargetReplies("bench").failed(failed);
        return reply instanceof TargetReply.Failure f ? "HTTP " + f.status() + " " + f.code()
                + (f.retryable() ? " (retried by the sender)" : " (not retried)") : "success";
    }

    /** SendMessage calls so far (lone messages). */
    public long sendCalls() {
        return batcher.sendCalls.sum();
    }

    /** SendMessageBatch calls so far. */
    public long batchCalls() {
        return batcher.batchCalls.sum();
    }

    @Override
    public void close() {
        batcher.close();
    }
}
