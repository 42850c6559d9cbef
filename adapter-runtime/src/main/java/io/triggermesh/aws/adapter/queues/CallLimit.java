package io.triggermesh.aws.adapter.queues;

/**
 * How many SQS batch calls a batcher may have in flight: a partial batch goes out only while fewer than
 * {@code start} calls are in flight, a full batch (ten entries, or the byte limit) while fewer than {@code max}. The
 * SQS target's {@code SendBatcher} (start 4, max {@code SEND_CONCURRENCY}) and the polling engine's delete batcher
 * ({@code SqsBatcher}, start 2, max 8) both count their calls here. Not thread-safe: the batcher holds its lock around
 * every use.
 *
 * <p>Why: every call costs about the same CPU whether it carries one entry or ten (the SDK marshals and signs it,
 * the HTTP client sends it), so where CPU is the limit, fewer and fuller batches carry more. With 16 calls allowed
 * for any batch, the target's partial batches went out whenever the linger expired, one per free sender, and 4
 * senders instead of 16 doubled its rate on loopback and cut its CPU per event by a third (docs/benchmarks.md). But
 * against AWS a call takes 10 to 30 ms, and a fixed small number would cap a busy adapter near that many × 10
 * entries per round trip. So only a full batch, which shows that entries arrive faster than the calls carry them,
 * gets one of the calls beyond {@code start}; a partial batch waits for one of the first {@code start} to come free,
 * and is fuller by then.
 */
public final class CallLimit {

    private final int start;
    private final int max;
    private int inFlight;
    private int peak;

    public CallLimit(int start, int max) {
        if (start < 1 || start > max) {
            throw new IllegalArgumentException("need 1 <= start <= max, not start " + start + ", max " + max);
        }
        this.start = start;
        this.max = max;
    }

    /** No call in flight. */
    public boolean idle() {
        return inFlight == 0;
    }

    /** Whether a call for a full or a partial batch may start now. */
    public boolean mayStart(boolean fullBatch) {
        return inFlight < (fullBatch ? max : start);
    }

    public void started() {
        inFlight++;
        peak = Math.max(peak, inFlight);
    }

    public void ended() {
        inFlight--;
    }

    public int inFlight() {
        return inFlight;
    }

    /** The most calls in flight at once so far. */
    public int peak() {
        return peak;
    }
}
