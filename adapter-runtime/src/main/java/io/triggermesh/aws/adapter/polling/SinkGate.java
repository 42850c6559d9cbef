package io.triggermesh.aws.adapter.polling;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pauses polling while the sink asks for it (Retry-After) or keeps failing, so an unavailable sink does not make
 * the adapter pull and release messages in a tight loop. Thread-safe.
 */
final class SinkGate {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private final Duration maxPause;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long openAtNanos = System.nanoTime();
    private int consecutiveFailures;
    private boolean closed;

    SinkGate(Duration maxPause) {
        this.maxPause = maxPause;
    }

    /** The sink took an event: stop pausing. Returns whether it was failing before (for a recovery log). */
    boolean succeeded() {
        lock.lock();
        try {
            boolean wasFailing = consecutiveFailures > 0;
            consecutiveFailures = 0;
            return wasFailing;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The sink could not take an event: pause polling for {@code retryAfter}, or for a doubling backoff. Returns
     * whether this is the first failure after a success (for a warning).
     */
    boolean failed(Duration retryAfter) {
        lock.lock();
        try {
            consecutiveFailures++;
            Duration pause = retryAfter != null ? retryAfter : backoff(consecutiveFailures);
            long until = System.nanoTime() + pause.toNanos();
            if (until - openAtNanos > 0) {
                openAtNanos = until;
            }
            return consecutiveFailures == 1;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks while paused; returns at once when {@link #close()}d. */
    void awaitOpen() throws InterruptedException {
        lock.lock();
        try {
            long wait;
            while (!closed && (wait = openAtNanos - System.nanoTime()) > 0) {
                changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Duration backoff(int failures) {
        long millis = FIRST_PAUSE.toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxPause.toMillis()));
    }

}
