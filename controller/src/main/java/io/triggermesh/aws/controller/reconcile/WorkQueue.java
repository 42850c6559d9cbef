package io.triggermesh.aws.controller.reconcile;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keyed work queue: events for the same object coalesce, one object is never reconciled by two workers at once,
 * and failures are retried with exponential backoff per object (so a broken object cannot starve others or spin).
 */
public final class WorkQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    /** Reconciles one key. */
    @FunctionalInterface
    public interface Handler {
        Result handle(ReconcileKey key);
    }

    private final Handler handler;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Set<ReconcileKey> queued = new HashSet<>();
    private final Set<ReconcileKey> processing = new HashSet<>();
    private final Set<ReconcileKey> dirty = new HashSet<>();
    private final Map<ReconcileKey, Integer> failures = new HashMap<>();
    private boolean closed;

    public WorkQueue(Handler handler, int workerCount, Duration initialBackoff, Duration maxBackoff) {
        this.handler = handler;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.workers = Executors.newFixedThreadPool(workerCount, named("reconcile"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("reconcile-timer"));
    }

    /** Reconcile {@code key} soon; coalesces with a pending request for the same key. */
    public synchronized void add(ReconcileKey key) {
        if (closed) {
            return;
        }
        if (processing.contains(key)) {
            dirty.add(key);
            return;
        }
        if (queued.add(key)) {
            workers.execute(() -> process(key));
        }
    }

    public void addAfter(ReconcileKey key, Duration delay) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        timer.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Consecutive failures of {@code key} since its last success. */
    public synchronized int failures(ReconcileKey key) {
        return failures.getOrDefault(key, 0);
    }

    private void process(ReconcileKey key) {
        synchronized (this) {
            queued.remove(key);
            processing.add(key);
        }
        Result result;
        try {
            result = handler.handle(key);
        } catch (RuntimeException e) {
            LOG.warn("{}: reconcile failed: {}", key, e.toString());
            result = Result.retry(e.getClass().getSimpleName());
        }
        Duration next = schedule(key, result);
        boolean again;
        synchronized (this) {
            processing.remove(key);
            again = dirty.remove(key);
        }
        if (again) {
            add(key);
        } else if (next != null) {
            addAfter(key, next);
        }
    }

    private synchronized Duration schedule(ReconcileKey key, Result result) {
        if (result.failed()) {
            int count = failures.merge(key, 1, Integer::sum);
            return backoff(count);
        }
        failures.remove(key);
        return result.requeue().orElse(null);
    }

    /** {@code initial * 2^(attempt-1)}, capped. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 30);
        Duration delay = initialBackoff.multipliedBy(factor);
        return delay.compareTo(maxBackoff) > 0 || delay.isNegative() ? maxBackoff : delay;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
