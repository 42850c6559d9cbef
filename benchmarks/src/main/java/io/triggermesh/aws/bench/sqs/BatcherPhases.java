package io.triggermesh.aws.bench.sqs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The two ways {@code BatcherBenchmark} loads a batcher, measured the same way for every contender: the rate, this
 * process's CPU time per message (the contender, its SDK client and HTTP client; SQS runs in another process), the
 * SQS calls per message, the most calls in flight at once and, for the closed loop, the median latency.
 */
final class BatcherPhases {

    /** A batcher under test: completes with null once done with the item, else with what its caller learns. */
    interface Contender extends AutoCloseable {
        CompletableFuture<String> submit(String item);

        @Override
        void close();
    }

    /** The figures of one phase; latency NaN where not measured. */
    record Figures(double rate, double cpuUsPerMsg, double p50Ms, double callsPerMsg, int maxInFlight,
                   long failures) {
    }

    private BatcherPhases() {
    }

    /**
     * {@code producers} threads, each submitting one item and waiting for it before the next (the target's HTTP
     * clients, each waiting for its reply), for {@code warmUp} and then {@code measure}; only the latter counts.
     * Producers stop early when {@code items} returns null.
     */
    static Figures closedLoop(Contender contender, Supplier<String> items, int producers, Duration warmUp,
                              Duration measure) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        LongAdder done = new LongAdder();
        LongAdder failures = new LongAdder();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    String item = items.get();
                    if (item == null) {
                        return;
                    }
                    long start = System.nanoTime();
                    String failure;
                    try {
                        failure = contender.submit(item).get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failure = e.toString();
                    }
                    if (measuring.get()) {
                        done.increment();
                        if (failure != null) {
                            failures.increment();
                        }
                        if (count[0] == mine[0].length) {
                            mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                        }
                        mine[0][count[0]++] = System.nanoTime() - start;
                    }
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "producer-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Thread.sleep(warmUp.toMillis());  // the warm-up window, not synchronisation
        Snapshot before = Snapshot.take();
        measuring.set(true);
        Thread.sleep(measure.toMillis());  // the measured window
        measuring.set(false);
        Snapshot after = Snapshot.take();
        stop.set(true);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(70));
        }
        long n = done.sum();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p50 = all.length == 0 ? Double.NaN : all[all.length / 2] / 1e6;
        return before.figures(after, n, p50, failures.sum());
    }

    /**
     * {@code producers} threads submitting their share of {@code items} without waiting (the source's deliveries,
     * which hand a delete over and go on), then waiting until the contender is done with every item.
     */
    static Figures openLoop(Contender contender, List<String> items, int producers) throws Exception {
        List<List<CompletableFuture<String>>> futures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Snapshot before = Snapshot.take();
        for (int i = 0; i < producers; i++) {
            List<CompletableFuture<String>> mine = new ArrayList<>();
            futures.add(mine);
            int first = i;
            Thread t = new Thread(() -> {
                for (int j = first; j < items.size(); j += producers) {
                    mine.add(contender.submit(items.get(j)));
                }
            }, "producer-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long failures = 0;
        for (List<CompletableFuture<String>> mine : futures) {
            for (CompletableFuture<String> f : mine) {
                try {
                    if (f.get(120, TimeUnit.SECONDS) != null) {
                        failures++;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failures++;
                }
            }
        }
        return before.figures(Snapshot.take(), items.size(), Double.NaN, failures);
    }

    /** This process's CPU time over {@code window}, in milliseconds per second, while the caller waits. */
    static double idleCpuMsPerSecond(Duration window) throws InterruptedException {
        Snapshot before = Snapshot.take();
        Thread.sleep(window.toMillis());  // the measured idle window
        Snapshot after = Snapshot.take();
        return (after.cpuNanos - before.cpuNanos) / 1e6 / ((after.nanos - before.nanos) / 1e9);
    }

    /** This process's CPU time, the wall clock, the SQS calls so far and the most in flight since the last. */
    private record Snapshot(long cpuNanos, long nanos, long calls, int maxInFlight) {
        static Snapshot take() {
            Snapshot s = new Snapshot(((com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime(), System.nanoTime(), SqsCallCounter.total(),
                    InFlightCalls.max());
            InFlightCalls.reset();
            return s;
        }

        Figures figures(Snapshot after, long messages, double p50Ms, long failures) {
            double seconds = (after.nanos - nanos) / 1e9;
            return new Figures(messages / seconds, (after.cpuNanos - cpuNanos) / 1e3 / Math.max(1, messages), p50Ms,
                    (double) (after.calls - calls) / Math.max(1, messages), after.maxInFlight, failures);
        }
    }
}
