package io.triggermesh.aws.bench.sqs;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The process {@link BatcherBenchmark} measures: every phase, the probes and the table of ratios. Arguments: the SQS
 * endpoint, warm-up seconds, measured seconds, messages per delete phase.
 */
public final class BatcherRun {

    private static final List<Integer> PRODUCERS = List.of(16, 64);

    private final BatcherContenders contenders;
    private final Duration warmUp;
    private final Duration measure;
    private final int deletes;
    private final Map<String, BatcherPhases.Figures> figures = new LinkedHashMap<>();
    private final Map<String, Double> idleCpu = new LinkedHashMap<>();

    private BatcherRun(BatcherContenders contenders, Duration warmUp, Duration measure, int deletes) {
        this.contenders = contenders;
        this.warmUp = warmUp;
        this.measure = measure;
        this.deletes = deletes;
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        System.out.printf(Locale.ROOT, "Batchers: ours vs the SDK's SqsAsyncBatchManager, %d cores, Java %s, load"
                + " average %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                loadAverage());
        try (BatcherContenders contenders = new BatcherContenders(URI.create(args[0]))) {
            new BatcherRun(contenders, Duration.ofSeconds(Long.parseLong(args[1])),
                    Duration.ofSeconds(Long.parseLong(args[2])), Integer.parseInt(args[3])).run();
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        System.exit(0);
    }

    private void run() throws Exception {
        String body = TargetBenchmark.eventJson();
        System.out.println("== Sends (closed loop: each producer waits for its message's outcome, as the target's"
                + " HTTP clients wait for their reply)");
        for (int producers : List.of(1, 16, 64)) {
            for (String name : BatcherContenders.NAMES) {
                String url = contenders.queue();
                SqsCallCounter.reset();
                try (BatcherPhases.Contender c = contenders.sender(name, url)) {
                    record("send", name, producers, BatcherPhases.closedLoop(c, () -> body, producers, warmUp,
                            measure));
                    if (producers == 1) {
                        idle("send", name);
                    }
                }
                contenders.dropQueue(url);
            }
        }
        System.out.println("== Deletes (open loop: producers hand each delete over and go on, as the source's"
                + " deliveries do; 1 producer: closed loop, for the latency)");
        for (String name : BatcherContenders.NAMES) {
            String url = contenders.queue();
            int needed = (int) (warmUp.plus(measure).toMillis() / 40) + 50;
            ConcurrentLinkedQueue<String> handles = new ConcurrentLinkedQueue<>(contenders.received(url, needed));
            SqsCallCounter.reset();
            try (BatcherPhases.Contender c = contenders.deleter(name, url)) {
                record("delete", name, 1, BatcherPhases.closedLoop(c, handles::poll, 1, warmUp, measure));
                idle("delete", name);
            }
            contenders.dropQueue(url);
        }
        List<String> deleters = new java.util.ArrayList<>(BatcherContenders.NAMES);
        deleters.add(BatcherContenders.OURS_X8);
        for (int producers : PRODUCERS) {
            for (String name : deleters) {
                String url = contenders.queue();
                List<String> first = contenders.received(url, Math.max(500, deletes / 5));
                List<String> measured = contenders.received(url, deletes);
                SqsCallCounter.reset();
                try (BatcherPhases.Contender c = contenders.deleter(name, url)) {
                    BatcherPhases.openLoop(c, first, producers);
                    record("delete", name, producers, BatcherPhases.openLoop(c, measured, producers));
                }
                contenders.dropQueue(url);
            }
        }
        System.out.println("== A refused entry in a batch");
        BatcherProbes.sends(contenders);
        BatcherProbes.deletes(contenders);
        BatcherTable.print(figures, idleCpu);
    }

    /** This process's CPU while the contender, just used, sits idle with nothing to send: its timers' cost. */
    private void idle(String op, String name) throws InterruptedException {
        double msPerSecond = BatcherPhases.idleCpuMsPerSecond(Duration.ofSeconds(2));
        idleCpu.put(op + " " + name, msPerSecond);
        System.out.printf(Locale.ROOT, "  %-6s %-9s idle afterwards: %.2f ms CPU per second%n", op, name,
                msPerSecond);
    }

    private void record(String op, String name, int producers, BatcherPhases.Figures f) {
        figures.put(op + " " + name + " " + producers, f);
        System.out.printf(Locale.ROOT, "  %-6s %-9s %2d producers: %8.0f msg/s %7.1f us CPU/msg  p50 %7.2f ms"
                + "  %.3f calls/msg  max %2d calls in flight  %d failed  %s%n", op, name, producers, f.rate(),
                f.cpuUsPerMsg(), f.p50Ms(), f.callsPerMsg(), f.maxInFlight(), f.failures(),
                SqsCallCounter.byOperation());
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }
}
