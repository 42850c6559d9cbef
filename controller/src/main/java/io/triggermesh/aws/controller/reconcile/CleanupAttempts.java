package io.triggermesh.aws.controller.reconcile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many times the cleanup of each object being deleted has been tried, by uid (see {@link Finalization}), and
 * whether it is over while releasing the ServiceAccounts or the finalizer is still refused.
 * A count not touched for {@link #FORGET_AFTER_NANOS} belongs to an object whose deletion finished without this
 * controller (someone removed the finalizer by hand, the object went away): it is dropped at the next count, so
 * the map does not grow by one entry per such object for the life of the process.
 */
final class CleanupAttempts {

    /** Far longer than the longest retry backoff, so an object still being retried keeps its count. */
    static final long FORGET_AFTER_NANOS = TimeUnit.HOURS.toNanos(1);

    /** {@code finished}: the cleanup is over (done, skipped or abandoned); only the releases may remain. */
    private record Count(int attempts, long lastNanos, boolean finished) {
    }

    private final LongSupplier nanoTime;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    CleanupAttempts() {
        this(System::nanoTime);
    }

    CleanupAttempts(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Counts one more attempt for {@code uid} and returns its number, 1 for the first. */
    int next(String uid) {
        long now = nanoTime.getAsLong();
        counts.values().removeIf(count -> now - count.lastNanos() > FORGET_AFTER_NANOS);
        return counts.merge(uid, new Count(1, now, false),
                (before, first) -> new Count(before.attempts() + 1, now, before.finished())).attempts();
    }

    /** The cleanup of {@code uid} is over, so a retry of the releases after it does not run it again. */
    void finish(String uid) {
        long now = nanoTime.getAsLong();
        counts.merge(uid, new Count(0, now, true), (before, first) -> new Count(before.attempts(), now, true));
    }

    /** Whether {@link #finish} was called for {@code uid} (and not forgotten since); a retry keeps it fresh. */
    boolean finished(String uid) {
        long now = nanoTime.getAsLong();
        Count count = counts.computeIfPresent(uid, (key, before) -> before.finished()
                ? new Count(before.attempts(), now, true) : before);
        return count != null && count.finished();
    }

    /** The object's deletion is done. */
    void forget(String uid) {
        counts.remove(uid);
    }

    /** How many objects have a count kept. */
    int tracked() {
        return counts.size();
    }
}
