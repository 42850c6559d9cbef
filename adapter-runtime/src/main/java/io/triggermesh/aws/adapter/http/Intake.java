package io.triggermesh.aws.adapter.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every connection of one receiver shares: the handler, the health check, the limits and the body budget, the
 * count of open connections, the count of requests not yet answered (which a stopping receiver waits for), and what
 * to do when memory runs out.
 */
final class Intake {

    private static final System.Logger LOG = System.getLogger(CloudEventReceiver.class.getName());
    private static final String HEALTHY = "";

    private final AsyncEventHandler handler;
    private final Supplier<Optional<String>> health;
    private final Limits limits;
    private final BodyBudget budget;
    private final Consumer<OutOfMemoryError> outOfMemory;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicReference<String> lastHealth = new AtomicReference<>(HEALTHY);
    private final Object drained = new Object();
    private volatile boolean stopping;

    Intake(AsyncEventHandler handler, Supplier<Optional<String>> health, Limits limits,
            Consumer<OutOfMemoryError> outOfMemory) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.health = Objects.requireNonNull(health, "health");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = new BodyBudget(limits.bodyBudgetBytes());
        this.outOfMemory = Objects.requireNonNull(outOfMemory, "outOfMemory");
    }

    AsyncEventHandler handler() {
        return handler;
    }

    /**
     * Whether the receiver is ready. The reason it is not stays in the log, once per change, since {@code /health}
     * answers anyone who can reach the port.
     */
    boolean healthy() {
        String problem = stopping ? "stopping" : health.get().orElse(HEALTHY);
        String before = lastHealth.getAndSet(problem);
        if (!problem.equals(before)) {
            if (problem.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "healthy again");
            } else {
                LOG.log(System.Logger.Level.WARNING, () -> "not healthy: " + problem);
            }
        }
        return problem.isEmpty();
    }

    Limits limits() {
        return limits;
    }

    int maxBodyBytes() {
        return limits.maxBodyBytes();
    }

    BodyBudget budget() {
        return budget;
    }

    /** Counts a new connection; false (and not counted) when {@link Limits#maxConnections} are open already. */
    boolean connectionOpened() {
        if (connections.incrementAndGet() > limits.maxConnections()) {
            connections.decrementAndGet();
            return false;
        }
        return true;
    }

    void connectionClosed() {
        connections.decrementAndGet();
    }

    /**
     * Ends the process when {@code failure} is or was caused by an {@link OutOfMemoryError}: past one, any thread may
     * be broken, and a restart is the only safe way on. Logged at ERROR first. Whether it was one.
     */
    boolean fatal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                try {
                    LOG.log(System.Logger.Level.ERROR, "out of memory; ending the process so that it is restarted",
                            oom);
                } finally {
                    outOfMemory.accept(oom);
                }
                return true;
            }
        }
        return false;
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
