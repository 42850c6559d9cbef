package io.triggermesh.aws.controller.reconcile;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces calls evenly: {@link #awaitTurn()} returns at once for the first call and then at most once per period,
 * waiting on the calling thread for the rest. Used where a background loop would otherwise send the API server a
 * burst (see {@link ReferencedSecretPoller}); never on a reconcile thread.
 */
final class Pacer {

    /** Waits for a number of nanoseconds; {@link TimeUnit#sleep} in production. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long next;
    private boolean started;

    Pacer(long periodNanos, LongSupplier nanoTime, Sleeper sleeper) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive: " + periodNanos);
        }
        this.periodNanos = periodNanos;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static Pacer perSecond(int callsPerSecond) {
        if (callsPerSecond <= 0) {
            throw new IllegalArgumentException("calls per second must be positive: " + callsPerSecond);
        }
        return new Pacer(TimeUnit.SECONDS.toNanos(1) / callsPerSecond, System::nanoTime,
                TimeUnit.NANOSECONDS::sleep);
    }

    /** Returns when this call may go: no sooner than one period after the previous call's turn. */
    synchronized void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (started && now - next < 0) {
            sleeper.sleep(next - now);
            now = next;
        }
        started = true;
        // Idle time is not saved up: after a pause the next calls are spaced again, never sent as a burst.
        next = now + periodNanos;
    }
}
