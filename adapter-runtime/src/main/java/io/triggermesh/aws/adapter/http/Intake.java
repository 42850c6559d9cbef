package io.triggermesh.aws.adapter.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What every connection of one receiver shares: the handler, the health check, and the count of requests not yet
 * answered, which a stopping receiver waits for.
 */
final class Intake {

    private final AsyncEventHandler handler;
    private final Supplier<Optional<String>> health;
    private final int maxBodyBytes;
    private final AtomicInteger unanswered = new AtomicInteger();
    private final Object drained = new Object();
    private volatile boolean stopping;

    Intake(AsyncEventHandler handler, Supplier<Optional<String>> health, int maxBodyBytes) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.health = Objects.requireNonNull(health, "health");
        this.maxBodyBytes = maxBodyBytes;
    }

    AsyncEventHandler handler() {
        return handler;
    }

    /** Empty while healthy, else the reason; a stopping receiver is not ready. */
    Optional<String> problem() {
        return stopping ? Optional.of("stopping") : health.get();
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    boolean stopping() {
        return stopping;
    }

    void started() {
        unanswered.incrementAndGet();
    }

    void answered() {
        // Decrement first: a stop() that came before this read of `stopping` sees the new count.
        if (unanswered.decrementAndGet() == 0 && stopping) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** From now on requests are refused with 503. */
    void stop() {
        stopping = true;
    }

    /** Waits until every request started has been answered, at most {@code limit}; whether they all were. */
    boolean awaitAnswered(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (drained) {
            while (unanswered.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    drained.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
