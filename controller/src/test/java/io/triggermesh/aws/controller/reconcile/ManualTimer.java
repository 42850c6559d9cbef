package io.triggermesh.aws.controller.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link WorkQueue.Timer} on a hand-driven clock: tasks run only when the test advances time past them. */
final class ManualTimer implements WorkQueue.Timer {

    private record Task(Duration due, Runnable action, long order) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private final List<Duration> requested = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long order;

    @Override
    public synchronized Runnable schedule(Runnable action, Duration delay) {
        Task task = new Task(now.plus(delay), action, order++);
        tasks.add(task);
        requested.add(delay);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    @Override
    public synchronized void close() {
        tasks.clear();
    }

    /** Moves the clock forward by {@code step}, running every task that falls due, in order. */
    void advance(Duration step) {
        Duration until = now.plus(step);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.due().compareTo(until) <= 0)
                        .min(Comparator.comparing(Task::due).thenComparingLong(Task::order)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                tasks.remove(next);
                now = next.due();
            }
            next.action().run();
        }
    }

    synchronized Duration now() {
        return now;
    }

    /** Every delay asked for so far, in order. */
    synchronized List<Duration> requestedDelays() {
        return List.copyOf(requested);
    }

    synchronized int pending() {
        return tasks.size();
    }
}
