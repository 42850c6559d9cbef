package io.triggermesh.aws.adapter.polling;

import java.time.Duration;

/**
 * What an {@link SqsBatcher} may hold and how many calls it may run at once.
 *
 * @param partialCalls a partial batch (fewer than ten entries, after the linger) starts only while fewer calls are in
 *     flight
 * @param fullCalls a full batch (ten entries) starts while fewer calls are in flight
 * @param maxHeld entries held at most, waiting and in calls; {@link SqsBatcher#add} waits while this many are held
 * @param maxWait the longest {@link SqsBatcher#add} waits for room before it takes its entry beyond {@code maxHeld},
 *     with a warning
 * @param workerIdle how long a worker thread with no call to make lives on
 */
record BatchLimits(int partialCalls, int fullCalls, int maxHeld, Duration maxWait, Duration workerIdle) {

    /**
     * Delete calls at once for partial batches, as before full batches could have more: a partial batch shows the
     * deletes keep up, and waiting for one of two calls makes it fuller (fewer calls per message).
     */
    static final int PARTIAL_CALLS = 2;
    /**
     * Delete calls at once for full batches, which show that messages are finished faster than the calls carry their
     * deletes. Against AWS a call takes 10 to 30 ms, so two calls of ten cap deletes near 700 to 2,000 messages/s;
     * eight matched the SDK batch manager's delete rate on loopback (docs/benchmarks.md, "SDK batch manager vs
     * ours"), where it had hundreds of calls in flight.
     */
    static final int FULL_CALLS = 8;
    /** A worker thread with no call to make ends after this long: an idle or slow source keeps no spare threads. */
    static final Duration WORKER_IDLE = Duration.ofSeconds(10);
    private static final Duration MIN_WAIT = Duration.ofMillis(100);

    BatchLimits {
        // partialCalls and fullCalls are checked by the CallLimit the batcher counts its calls with.
        if (maxHeld < 1) {
            throw new IllegalArgumentException("maxHeld must be at least 1");
        }
    }

    /** The engine's deletes: up to {@link #FULL_CALLS} calls at once while full batches wait. */
    static BatchLimits deletes(QueueConsumerSettings settings) {
        return new BatchLimits(PARTIAL_CALLS, FULL_CALLS, maxHeld(settings.maxInFlight(), FULL_CALLS),
                maxWait(settings), WORKER_IDLE);
    }

    /**
     * The engine's visibility changes: one call at once. They come from extensions of slow deliveries (at most one
     * per message held, from the timer thread, which never waits: {@link SqsBatcher#addNow}) and from messages the
     * sink refuses, during which polling pauses or the bound slows it: no stream that outruns one call.
     */
    static BatchLimits visibility(QueueConsumerSettings settings) {
        return new BatchLimits(1, 1, maxHeld(settings.maxInFlight(), 1), maxWait(settings), WORKER_IDLE);
    }

    /**
     * As many entries as the consumer holds messages ({@code maxInFlight}), so that messages received and not yet
     * deleted are at most about twice that, and a delete waits behind few others (by default 90: 0.13 s at 700
     * deletes/s), far from any visibility timeout; but at least room for every full call and one more batch filling,
     * so that the bound never caps the calls. An entry is an id and a receipt handle, not the message.
     */
    static int maxHeld(int maxInFlight, int fullCalls) {
        return Math.max(maxInFlight, (fullCalls + 1) * SqsBatcher.MAX_BATCH);
    }

    /**
     * With extensions, the visibility timeout: a delivery waiting for room keeps its message invisible through them,
     * but should not hang longer than that on a stalled SQS. Without them, half of it (at least 100 ms), so that the
     * message's delete is still in line before its receipt handle runs out and the message comes back.
     */
    static Duration maxWait(QueueConsumerSettings settings) {
        Duration visibility = settings.visibilityTimeout();
        Duration wait = settings.extendsVisibility() ? visibility : visibility.dividedBy(2);
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }
}
