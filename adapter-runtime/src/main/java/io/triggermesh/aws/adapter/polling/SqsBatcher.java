package io.triggermesh.aws.adapter.polling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Collects entries for an SQS batch call (DeleteMessageBatch, ChangeMessageVisibilityBatch) and sends them ten at a
 * time: at once when ten are waiting, otherwise when the first waiting entry has lingered for {@code linger}.
 * Entries the call returns for another try are added again. Thread-safe.
 *
 * <p>Ours rather than the SDK's {@code SqsAsyncBatchManager} (in the sqs artifact, 2.57), checked against its 2.57.8
 * classes: it needs an {@code SqsAsyncClient}, so an async HTTP client (Netty or CRT) that adapters leave out (they
 * share the URLConnection client and its long-poll handling); it fails a refused entry with an {@code SqsException}
 * holding only the code and message, without {@code SenderFault}, which is what decides here whether an entry is
 * tried again (see {@code QueueCalls}); and it never tries an entry again by itself. Measured against it by
 * {@code BatcherBenchmark} (docs/benchmarks.md, "SDK batch manager vs ours"; two runs, loaded 2-core machine): with the
 * engine's two calls at once, the SDK's manager deleted 1.4 to 3.2x as many messages/s handed over without waiting,
 * by putting every batch on the wire at once (up to 853 DeleteMessageBatch calls in flight); this batcher with eight
 * calls at once deleted 0.87 to 2.0x as many as it. Ours used 0.79 to 1.0x its CPU per message and lingers 50 ms
 * (the default) where it flushes every 200 ms; an unknown receipt handle (SenderFault true) reached its caller as an
 * {@code SqsException} that {@code QueueCalls} would class as unavailable and try three times. Kept for the bound and
 * SenderFault; the two calls at once are what limits its rate. The SQS target's {@code SendBatcher} is the other
 * batcher and sends rather than acknowledges, see its comment for why the two are not one.
 *
 * @param <E> one entry
 */
final class SqsBatcher<E> {

    /** SQS's maximum entries per batch call. */
    static final int MAX_BATCH = 10;

    private static final System.Logger LOG = System.getLogger(SqsBatcher.class.getName());

    private final String name;
    private final Function<List<E>, List<E>> call;
    private final Duration linger;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final ArrayDeque<E> waiting = new ArrayDeque<>();
    private ScheduledFuture<?> scheduled;

    /**
     * @param call sends one batch (at most ten entries) and returns the entries to try again
     * @param threads how many calls may run at once
     */
    SqsBatcher(String name, Function<List<E>, List<E>> call, Duration linger, ScheduledExecutorService timer,
               int threads) {
        this.name = name;
        this.call = call;
        this.linger = linger;
        this.timer = timer;
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Threads.named("sqs-" + name));
    }

    void add(E entry) {
        List<E> full = null;
        synchronized (waiting) {
            waiting.add(entry);
            if (waiting.size() >= MAX_BATCH) {
                full = take(MAX_BATCH);
            } else if (scheduled == null) {
                scheduled = timer.schedule(this::lingered, linger.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        if (full != null) {
            dispatch(full);
        }
    }

    /** Sends everything waiting, waits for the calls in progress, and stops. Entries added later are lost. */
    void close(Duration timeout) {
        List<List<E>> rest = new ArrayList<>();
        synchronized (waiting) {
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
            while (!waiting.isEmpty()) {
                rest.add(take(MAX_BATCH));
            }
        }
        rest.forEach(this::dispatch);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, name + " calls still running after " + timeout.toSeconds()
                        + "s; their messages will be delivered again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Retries produced while draining are sent once more on this thread.
        List<E> retries;
        synchronized (waiting) {
            retries = take(waiting.size());
        }
        for (int i = 0; i < retries.size(); i += MAX_BATCH) {
            call.apply(retries.subList(i, Math.min(retries.size(), i + MAX_BATCH)));
        }
    }

    private void lingered() {
        List<List<E>> batches = new ArrayList<>();
        synchronized (waiting) {
            scheduled = null;
            while (!waiting.isEmpty()) {
                batches.add(take(MAX_BATCH));
            }
        }
        batches.forEach(this::dispatch);
    }

    private void dispatch(List<E> batch) {
        try {
            workers.execute(() -> send(batch));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            send(batch); // closing: send on the caller's thread rather than lose the entries
        }
    }

    private void send(List<E> batch) {
        List<E> again;
        try {
            again = call.apply(batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " batch failed unexpectedly", e);
            return;
        }
        synchronized (waiting) {
            if (workers.isShutdown()) {
                waiting.addAll(again);
                return;
            }
        }
        again.forEach(this::add);
    }

    // Caller holds the lock.
    private List<E> take(int count) {
        List<E> batch = new ArrayList<>(Math.min(count, waiting.size()));
        while (batch.size() < count && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }
}
