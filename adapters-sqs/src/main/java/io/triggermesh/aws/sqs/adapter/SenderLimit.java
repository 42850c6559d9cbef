package io.triggermesh.aws.sqs.adapter;

/**
 * How many calls a {@link SendBatcher} may have in flight: a partial batch goes out only while fewer than
 * {@code start} calls are in flight, a full batch (ten messages, or the byte limit) while fewer than {@code max}
 * ({@code SEND_CONCURRENCY}). Not thread-safe: the batcher holds its lock around every use.
 *
 * <p>Why: every call costs about the same CPU whether it carries one message or ten (the SDK marshals and signs it,
 * the HTTP client sends it), so where CPU is the limit, fewer and fuller batches carry more events. With 16 calls
 * allowed for any batch, partial batches went out whenever the linger expired, one per free sender, and 4 senders
 * instead of 16 doubled the target's rate on loopback and cut its CPU per event by a third (docs/benchmarks.md).
 * But against AWS a call takes 10 to 30 ms, and a fixed 4 would cap a busy target near 4 × 10 messages per round
 * trip. So only a full batch, which shows that messages arrive faster than the senders carry them, gets one of the
 * senders beyond {@code start}; a partial batch waits for one of the first {@code start} to come free, and is fuller
 * by then. A message arriving while nothing is in flight goes out at once, alone. The sender threads themselves are
 * made as calls need them and end after a while with nothing to send.
 */
final class SenderLimit {

    private final int start;
    private final int max;
    private int inFlight;
    private int peak;

    SenderLimit(int start, int max) {
        if (start < 1 || start > max) {
            throw new IllegalArgumentException("need 1 <= start <= max, not start " + start + ", max " + max);
        }
        this.start = start;
        this.max = max;
    }

    /** No call in flight. */
    boolean idle() {
        return inFlight == 0;
    }

    /** Whether a call for a full or a partial batch may start now. */
    boolean mayStart(boolean fullBatch) {
        return inFlight < (fullBatch ? max : start);
    }

    void started() {
        inFlight++;
        peak = Math.max(peak, inFlight);
    }

    void ended() {
        inFlight--;
    }

    int inFlight() {
        return inFlight;
    }

    /** The most calls in flight at once so far. */
    int peak() {
        return peak;
    }
}
