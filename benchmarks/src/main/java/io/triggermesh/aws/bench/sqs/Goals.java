package io.triggermesh.aws.bench.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals of the adapters' performance (docs/benchmarks.md, "Results"), checked against the figures of one run
 * and printed as the table the docs show: figure, goal, measured, met. A goal whose figures the run did not measure
 * (a {@code -Dbench.only} run) is left out.
 */
final class Goals {

    private record Row(String figure, String goal, String measured, boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void source(int concurrency, double raw, double adapter, double camel, double rawCpuUs, double adapterCpuUs) {
        add("Source / raw receive+POST+delete loop, concurrency " + concurrency, ">= 1.1x",
                f("%.2fx (%.0f vs %.0f events/s)", adapter / raw, adapter, raw), adapter >= 1.1 * raw);
        add("Source CPU/event vs raw loop's, concurrency " + concurrency + " (whole benchmark JVM)", "<= 1.0x",
                f("%.2fx (%.0f vs %.0f us)", adapterCpuUs / rawCpuUs, adapterCpuUs, rawCpuUs),
                adapterCpuUs <= rawCpuUs);
        add("Source / Camel aws2-sqs, concurrency " + concurrency, "(reported)", f("%.2fx (Camel %.0f/s)",
                adapter / camel, camel), true);
    }

    void target(TargetBenchmark.Figures t) {
        add("Load generator: no-op Netty ceiling / adapter, 64 clients", ">= 3x",
                f("%.2fx (%.0f vs %.0f req/s)", t.noopRate() / t.adapterRate(), t.noopRate(), t.adapterRate()),
                t.noopRate() >= 3 * t.adapterRate());
        double cpuBound = 1.5 * (t.rawBatchCpuUsPerMsg() + t.noopCpuUsPerReq());
        add("Target CPU/event, 64 clients", f("<= 1.5 x (%.1f + %.1f) = %.1f us", t.rawBatchCpuUsPerMsg(),
                t.noopCpuUsPerReq(), cpuBound), f("%.1f us (%.2fx of raw batch + no-op)", t.adapterCpuUsPerEvent(),
                t.adapterCpuUsPerEvent() / (t.rawBatchCpuUsPerMsg() + t.noopCpuUsPerReq())),
                t.adapterCpuUsPerEvent() <= cpuBound);
        double limit = 1 / (1 / t.rawBatchRate() + 1 / t.noopRate());
        add("Target events/s, 64 clients, vs L = 1/(1/raw batch + 1/no-op)", f(">= 0.6 L = %.0f/s", 0.6 * limit),
                f("%.0f/s = %.2f L (raw batch %.0f msg/s, no-op %.0f req/s)", t.adapterRate(),
                        t.adapterRate() / limit, t.rawBatchRate(), t.noopRate()), t.adapterRate() >= 0.6 * limit);
        add("Target / Camel netty-http -> aws2-sqs, 64 clients", ">= 3x", f("%.2fx (Camel %.0f/s, %.1f us CPU/event)",
                t.adapterRate() / t.camelRate(), t.camelRate(), t.camelCpuUsPerEvent()),
                t.adapterRate() >= 3 * t.camelRate());
        add("Target latency, 1 client", f("<= raw SendMessage + 0.5 = %.2f ms", t.rawSingleMs() + 0.5),
                f("%.2f ms (raw SendMessage %.2f, no-op round trip %.2f, Camel %.2f)", t.adapterLatencyMs(),
                        t.rawSingleMs(), t.noopLatencyMs(), t.camelLatencyMs()),
                t.adapterLatencyMs() <= t.rawSingleMs() + 0.5);
        add("Target adapter RSS, idle", "<= 64 MiB", f("%d MiB", t.adapterIdleRssMib()), t.adapterIdleRssMib() <= 64);
        add("Target adapter RSS, 64 clients", "<= 96 MiB", f("%d MiB (%d threads)", t.adapterLoadRssMib(),
                t.adapterThreads()), t.adapterLoadRssMib() <= 96);
    }

    void processes(long sourceRssMib, double sourceStartMs, double targetStartMs) {
        add("Source adapter RSS, draining the queue (16 deliveries)", "<= 96 MiB", f("%d MiB", sourceRssMib),
                sourceRssMib <= 96);
        add("Launch to first AWS call, source / target", "<= 600 ms", f("%.0f / %.0f ms", sourceStartMs,
                targetStartMs), sourceStartMs <= 600 && targetStartMs <= 600);
    }

    void manyObjects(int objects, long firstMib, long lastMib, double marginalMib) {
        add("Many AWSSQSTarget objects in one process (prototype, nothing shared but the JVM)", "(reported)",
                f("%.1f MiB per added object (%d MiB with 1, %d MiB with %d)", marginalMib, firstMib, lastMib,
                        objects), true);
    }

    void memoryFloor(long sleepMib, long nettyMib, long sdkMib, long bothMib) {
        add("Idle floor without the adapter: no-op Netty server + SDK SQS client after two calls", "(reported)",
                f("%d MiB (JVM that sleeps %d, Netty server %d, SQS client %d)", bothMib, sleepMib, nettyMib, sdkMib),
                true);
    }

    void print() {
        System.out.println("== Goals (docs/benchmarks.md)");
        System.out.println("| Figure | Goal | Measured | Met |");
        System.out.println("|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf("| %s | %s | %s | %s |%n", row.figure(), row.goal(), row.measured(),
                    row.goal().equals("(reported)") ? "" : row.met() ? "yes" : "**no**");
        }
    }

    private void add(String figure, String goal, String measured, boolean met) {
        rows.add(new Row(figure, goal, measured, met));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
