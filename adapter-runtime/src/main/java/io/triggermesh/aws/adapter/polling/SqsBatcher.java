package io.triggermesh.aws.adapter.polling;

import io.triggermesh.aws.adapter.queues.CallLimit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Collects entries for an SQS batch call (DeleteMessageBatch, ChangeMessageVisibilityBatch) and sends them ten at a
 * time: at once when ten are waiting, otherwise when the first waiting entry has lingered for {@code linger}. A full
 * batch starts while fewer than {@link BatchLimits#fullCalls} calls are in flight, a partial one while fewer than
 * {@link BatchLimits#partialCalls}; worker threads are made as calls need them and end when idle. Entries the call
 * returns for another try go back in line. Thread-safe.
 *
 * <p>Back-pressure: at most {@link BatchLimits#maxHeld} entries are held (waiting and in calls); {@link #add} waits
 * while that many are, so the delivering threads, and through the consumer's in-flight permits its pollers, slow down
 * to what the calls carry. Without it, received messages whose deletes wait grow without bound when SQS deletes
 * slower than the engine receives, and a delete that waits out the visibility timeout comes back as a duplicate with
 * a new receipt handle, which makes the waiting delete useless. Retries and {@link #addNow} never wait (a worker must
 * not wait on its own batcher), nor does an add while closing.
 *
 * <p>Ours rather than the SDK's {@code SqsAsyncBatchManager} (in the sqs artifact, 2.57), checked against its 2.57.8
 * classes: it needs an {@code SqsAsyncClient}, so an async HTTP client (Netty or CRT) that adapters leave out (they
 * share the URLConnection client and its long-poll handling); it fails a refused entry with an {@code SqsException}
 * holding only the code and message, without {@code SenderFault}, which is what decides here whether an entry is
 * tried again (see {@code QueueCalls}); it never tries an entry again by itself; and it bounds neither its calls nor
 * what it holds. Measured against it by {@code BatcherBenchmark} (docs/benchmarks.md, "SDK batch manager vs ours"):
 * with two calls at once for any batch its manager deleted 1.4 to 3.2x as many messages/s, by putting every batch on
 * the wire at once (up to 853 calls in flight); with eight this batcher deleted 0.87 to 2.0x as many as it, at 0.79
 * to 1.0x its CPU per message, hence eight for full batches. The SQS target's {@code SendBatcher} is the other
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
    private final long lingerNanos;
    private final ScheduledExecutorService timer;
    private final BatchLimits limits;
    private final ThreadPoolExecutor workers;
    private final LongAdder notSent = new LongAdder();
    // Everything below is guarded by the lock on waiting, which is also what adders and close() wait on.
    private final ArrayDeque<E> waiting = new ArrayDeque<>();
    private int held;
    private final CallLimit calls;
    private boolean lingerScheduled;
    private boolean lingered;
    private boolean closing;
    private boolean closed;
    private boolean overBound;

    /** @param call sends one batch (at most ten entries) and returns the entries to try again */
    SqsBatcher(String name, Function<List<E>, List<E>> call, Duration linger, ScheduledExecutorService timer,
               BatchLimits limits) {
        this.name = name;
        this.call = call;
        this.lingerNanos = linger.toNanos();
        this.timer = timer;
        this.limits = limits;
        this.calls = new CallLimit(limits.partialCalls(), limits.fullCalls());
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, limits.workerIdle().toNanos(),
                TimeUnit.NANOSECONDS, new SynchronousQueue<>(), Threads.named("sqs-" + name));
    }

    /**
     * With {@code threads} calls at once for partial batches and the engine's other delete limits (the benchmarks'
     * {@code BenchDeleteBatcher} builds it so).
     */
    SqsBatcher(String name, Function<List<E>, List<E>> call, Duration linger, ScheduledExecutorService timer,
               int threads) {
        this(name, call, linger, timer, new BatchLimits(threads, Math.max(threads, BatchLimits.FULL_CALLS),
                BatchLimits.maxHeld(QueueConsumerSettings.defaults().maxInFlight(), BatchLimits.FULL_CALLS),
                QueueConsumerSettings.defaults().visibilityTimeout(), BatchLimits.WORKER_IDLE));
    }

    /**
     * Adds an entry, waiting while {@link BatchLimits#maxHeld} are held: until a call frees room, the batcher closes,
     * the thread is interrupted (the entry is then taken all the same and the interrupt kept), or
     * {@link BatchLimits#maxWait} has passed (taken beyond the bound, with a warning).
     */
    void add(E entry) {
        offer(entry, true);
    }

    /** Adds an entry without waiting, for threads that must not block (the consumer's timer). */
    void addNow(E entry) {
        offer(entry, false);
    }

    private void offer(E entry, boolean wait) {
        synchronized (waiting) {
            if (!closed && wait) {
                awaitRoom();
            }
            // Again after the wait, which lets go of the lock: close() may have finished meanwhile.
            if (!closed) {
                held++;
                waiting.add(entry);
                dispatch(false);
                return;
            }
        }
        sendLate(entry);
    }

    // Caller holds the lock.
    private void awaitRoom() {
        if (held < limits.maxHeld() || closing) {
            overBound = false;
            return;
        }
        long deadline = System.nanoTime() + limits.maxWait().toNanos();
        try {
            while (held >= limits.maxHeld() && !closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (!overBound) {
                        overBound = true;
                        LOG.log(System.Logger.Level.WARNING, name + ": " + held + " entries are waiting for SQS "
                                + "calls, no room for " + limits.maxWait().toSeconds() + "s; taking more than "
                                + limits.maxHeld() + " until the calls catch up");
                    }
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(waiting, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the entry is taken all the same, for close() to send
        }
    }

    /**
     * Starts the calls that are due: a full batch, or what waits once the linger has passed (or while closing), while
     * the limits allow. With {@code forWorker}, the first batch is returned for the calling worker to send itself.
     * Caller holds the lock.
     */
    private List<E> dispatch(boolean forWorker) {
        if (closed) {
            return null; // the workers are shut down; close() has accounted for what was waiting
        }
        List<E> own = null;
        while (!waiting.isEmpty()) {
            boolean full = waiting.size() >= MAX_BATCH || closing;
            if (!full && !lingered) {
                scheduleLinger();
                break;
            }
            if (!calls.mayStart(full)) {
                break; // the next call to end dispatches again
            }
            List<E> batch = take();
            calls.started();
            if (forWorker && own == null) {
                own = batch;
            } else {
                List<E> b = batch;
                workers.execute(() -> work(b));
            }
        }
        if (waiting.isEmpty()) {
            lingered = false;
        }
        return own;
    }

    private void scheduleLinger() {
        if (lingerScheduled) {
            return;
        }
        try {
            timer.schedule(this::lingerExpired, lingerNanos, TimeUnit.NANOSECONDS);
            lingerScheduled = true;
        } catch (RejectedExecutionException e) {
            lingered = true; // the timer has stopped: send without lingering
        }
    }

    private void lingerExpired() {
        synchronized (waiting) {
            lingerScheduled = false;
            lingered = !waiting.isEmpty();
            dispatch(false);
        }
    }

    /** One worker: sends its batch, then the next one due, if any, until none is. */
    private void work(List<E> batch) {
        while (batch != null) {
            List<E> again;
            try {
                again = send(batch);
            } catch (Error e) {
                // Not a failed call but a broken JVM or class path: give the batch's room and call back, or the
                // batcher would stay full and every adder would wait out maxWait from now on.
                synchronized (waiting) {
                    calls.ended();
                    held -= batch.size();
                    waiting.notifyAll();
                    dispatch(false);
                }
                notSent(batch.size(), "the call failed: " + e);
                throw e;
            }
            synchronized (waiting) {
                calls.ended();
                held -= batch.size();
                waiting.notifyAll(); // room for adders; close() waits for held to reach 0
                if (closed) {
                    notSent(again.size(), "returned for another try after the batcher closed");
                    batch = null;
                } else {
                    held += again.size();
                    waiting.addAll(again); // already counted before: never waits
                    batch = dispatch(true);
                }
            }
        }
    }

    private List<E> send(List<E> batch) {
        try {
            return call.apply(batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " batch failed unexpectedly", e);
            return List.of();
        }
    }

    // Added after close(): sent alone on the caller's thread rather than lost.
    private void sendLate(E entry) {
        List<E> again = send(List.of(entry));
        if (!again.isEmpty()) {
            notSent(1, "added after the batcher closed and refused once");
        }
    }

    /**
     * Sends everything waiting and what blocked adders still add, waits up to {@code timeout} for the calls, and
     * stops. What is still waiting then is logged and not sent; an entry added later is sent alone on its caller's
     * thread.
     */
    void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        int left;
        int running;
        synchronized (waiting) {
            closing = true;
            waiting.notifyAll(); // blocked adders stop waiting; their entries join the drain
            dispatch(false);
            // Not cut short by an interrupt (QueueConsumer.close() keeps the flag of an interrupted join): every
            // delete given up here is a message delivered again. The timeout bounds the wait.
            for (long wait = timeout.toNanos(); held > 0 && wait > 0; wait = deadline - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(waiting, wait);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            closed = true;
            left = waiting.size();
            waiting.clear();
            held -= left;
            running = held;
        }
        workers.shutdown();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (left > 0) {
            notSent(left, "still waiting for a call after " + timeout.toMillis() + " ms");
        }
        if (running > 0) {
            LOG.log(System.Logger.Level.WARNING, name + " calls for " + running + " entries still running after "
                    + timeout.toMillis() + " ms; entries they return are not tried again");
        }
    }

    private void notSent(int count, String why) {
        if (count > 0) {
            notSent.add(count);
            LOG.log(System.Logger.Level.WARNING, name + " of " + count + " messages not sent (" + why
                    + "); they will be delivered again after their visibility timeout");
        }
    }

    /** Entries given up because the batcher closed first, each logged. */
    long notSent() {
        return notSent.sum();
    }

    /** Worker threads alive, busy or idle. */
    int threads() {
        return workers.getPoolSize();
    }

    // Caller holds the lock.
    private List<E> take() {
        List<E> batch = new ArrayList<>(Math.min(MAX_BATCH, waiting.size()));
        while (batch.size() < MAX_BATCH && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }
}
