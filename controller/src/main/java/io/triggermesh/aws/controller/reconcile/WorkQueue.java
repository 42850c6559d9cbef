package io.triggermesh.aws.controller.reconcile;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keyed work queue in the manner of client-go's rate-limited work queue: events for the same object coalesce, one
 * object is never reconciled by two workers at once, and every failed pass, whatever its reason, is retried after
 * the object's own exponential backoff ({@link ItemBackoff}), so a broken object can neither spin nor starve others.
 * A successful pass forgets the failures; a pass that asks to be polled again comes back after its delay.
 *
 * <p>The outcome of the latest pass decides when an object comes back: a retry still waiting when an event starts
 * a pass early is dropped, so an event never adds a pass to the backoff schedule.
 */
public final class WorkQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    /** Reconciles one key. */
    @FunctionalInterface
    public interface Handler {
        Result handle(ReconcileKey key);
    }

    /** Runs a task after a delay: a scheduled executor in production, a hand-driven clock in tests. */
    interface Timer {

        /** Schedules {@code task}; returns what cancels it. */
        Runnable schedule(Runnable task, Duration delay);

        void close();
    }

    private final Handler handler;
    private final ItemBackoff backoff;
    private final ExecutorService workers;
    private final Timer timer;
    private final Set<ReconcileKey> queued = new HashSet<>();
    private final Set<ReconcileKey> processing = new HashSet<>();
    private final Set<ReconcileKey> dirty = new HashSet<>();
    private final Map<ReconcileKey, Runnable> waiting = new HashMap<>();
    private boolean closed;

    public WorkQueue(Handler handler, int workerCount, Duration initialBackoff, Duration maxBackoff) {
        this(handler, Executors.newFixedThreadPool(workerCount, named("reconcile")), scheduledTimer(),
                new ItemBackoff(initialBackoff, maxBackoff));
    }

    WorkQueue(Handler handler, ExecutorService workers, Timer timer, ItemBackoff backoff) {
        this.handler = handler;
        this.workers = workers;
        this.timer = timer;
        this.backoff = backoff;
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

    /** Reconcile {@code key} after {@code delay}, replacing a retry already waiting for it. */
    public synchronized void addAfter(ReconcileKey key, Duration delay) {
        if (closed) {
            return;
        }
        cancelWaiting(key);
        Runnable[] cancel = new Runnable[1];
        cancel[0] = timer.schedule(() -> {
            synchronized (this) {
                if (!waiting.remove(key, cancel[0])) {
                    return;  // replaced or cancelled in the meantime
                }
            }
            add(key);
        }, delay);
        waiting.put(key, cancel[0]);
    }

    /** Consecutive failures of {@code key} since its last success. */
    public int failures(ReconcileKey key) {
        return backoff.failures(key);
    }

    private void process(ReconcileKey key) {
        synchronized (this) {
            queued.remove(key);
            if (closed) {
                return;  // leadership lost or shutting down: start no new pass
            }
            processing.add(key);
            cancelWaiting(key);
        }
        Result result;
        try {
            result = handler.handle(key);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // A plugin's LinkageError (built against another SPI) must not leave the key marked as in progress
            // for ever, where nothing would reconcile the object again.
            LOG.warn("{}: reconcile failed: {}", key, e.toString());
            result = Result.retry(e.getClass().getSimpleName());
        } catch (Error e) {
            synchronized (this) {
                processing.remove(key);
            }
            throw e;
        }
        Duration next = next(key, result);
        boolean again;
        synchronized (this) {
            processing.remove(key);
            again = dirty.remove(key);
        }
        if (again) {
            add(key);  // the object changed during the pass: look at the change now
        } else if (next != null) {
            addAfter(key, next);
        }
    }

    private Duration next(ReconcileKey key, Result result) {
        if (result.failed()) {
            Duration delay = backoff.failed(key);
            LOG.debug("{}: {} (failure {}), retrying in {}", key, result.failureReason(), backoff.failures(key), delay);
            return delay;
        }
        backoff.forget(key);
        return result.requeue().orElse(null);
    }

    private void cancelWaiting(ReconcileKey key) {
        Runnable cancel = waiting.remove(key);
        if (cancel != null) {
            cancel.run();
        }
    }

    /** Stops taking work and lets passes in progress finish (up to 10 s): a graceful shutdown. */
    @Override
    public void close() {
        stopTakingWork();
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

    /**
     * Stops at once: no new pass starts and passes in progress are interrupted, without waiting for them. Used when
     * leadership can no longer be confirmed, where another replica may already be reconciling the same objects.
     */
    public void abort() {
        stopTakingWork();
        workers.shutdownNow();
    }

    private void stopTakingWork() {
        synchronized (this) {
            closed = true;
            waiting.clear();
        }
        timer.close();
    }

    private static Timer scheduledTimer() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(named("reconcile-timer"));
        return new Timer() {
            @Override
            public Runnable schedule(Runnable task, Duration delay) {
                ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
