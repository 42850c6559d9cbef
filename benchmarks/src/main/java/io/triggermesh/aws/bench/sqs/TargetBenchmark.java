package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.Bench;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AWSSQSTarget against its baselines, every contender a process of its own measured from outside the same way
 * (wrk for the load, {@code /proc/PID} for CPU and memory), all in one run: the raw SendMessageBatch and SendMessage
 * loops, the no-op Netty ceiling, the adapter as its image runs it, and Apache Camel. {@link #run} returns the
 * figures; {@link Summary} turns them into the goals.
 */
final class TargetBenchmark {

    /** The figures of one run, the units in the names. */
    record Figures(double rawBatchRate, double rawBatchCpuUsPerMsg, double rawSingleMs, double rawSingleCpuUsPerMsg,
                   double noopRate, double noopCpuUsPerReq, double noopLatencyMs,
                   double adapterRate, double adapterCpuUsPerEvent, double adapterLatencyMs,
                   double adapterCpuUsPerEvent1, long adapterIdleRssMib, long adapterLoadRssMib, int adapterThreads,
                   double camelRate, double camelCpuUsPerEvent, double camelLatencyMs) {
    }

    static final int CLIENTS = 64;

    private final URI endpoint;
    private final Wrk wrk;
    private final Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmUpSeconds", 5));

    TargetBenchmark(URI endpoint, Wrk wrk) {
        this.endpoint = endpoint;
        this.wrk = wrk;
    }

    /** The CloudEvent the raw loops send as a message: what the adapter writes for the event wrk posts. */
    static String eventJson() {
        return "{\"specversion\":\"1.0\",\"id\":\"bench-1\",\"source\":\"urn:bench\",\"type\":"
                + "\"order.created\",\"datacontenttype\":\"application/json\",\"data\":" + Bench.BODY + "}";
    }

    /**
     * {@code queue} makes a new queue and returns {name, url, arn}. {@code -Dbench.contenders=adapter,...} runs only
     * some (for trying options out; the others' figures are then NaN).
     */
    Figures run(java.util.function.Supplier<String[]> queue) throws Exception {
        List<String> contenders = List.of(System.getProperty("bench.contenders", "raw,noop,adapter,camel").split(","));
        double[] raw = contenders.contains("raw") ? rawLoops(queue.get()) : new double[] {NaN, NaN, NaN, NaN};
        Load[] noop = contenders.contains("noop") ? noop() : new Load[] {NONE, NONE};
        AdapterRun adapter = contenders.contains("adapter") ? adapter(queue.get())
                : new AdapterRun(NONE, NONE, -1, -1, -1);
        Load[] camel = contenders.contains("camel") ? camel(queue.get()) : new Load[] {NONE, NONE};
        return new Figures(raw[0], raw[1], raw[2], raw[3], noop[0].rate, noop[0].cpuUs, noop[1].latencyMs,
                adapter.many.rate, adapter.many.cpuUs, adapter.one.latencyMs, adapter.one.cpuUs, adapter.idleRssMib,
                adapter.loadRssMib, adapter.threads, camel[0].rate, camel[0].cpuUs, camel[1].latencyMs);
    }

    private static final double NaN = Double.NaN;
    private static final Load NONE = new Load(NaN, NaN, NaN);

    /** Raw SendMessageBatch rate and CPU us per message, raw SendMessage ms and CPU us per message. */
    private double[] rawLoops(String[] queue) throws Exception {
        int batchMessages = Integer.getInteger("bench.targetMessages", 40_000);
        int singleMessages = Integer.getInteger("bench.singleMessages", 2_000);
        System.out.println("raw SendMessageBatch (16 threads) and SendMessage (1 thread), own JVM...");
        double[] batch;
        double[] single;
        try (ChildJvm raw = ChildJvm.start(withArgs(ImageJvm.benchCommand(ImageJvm.imageClasspathWithBench(),
                RawSends.class.getName()), endpoint.toString(), queue[1], "16", Integer.toString(batchMessages),
                Integer.toString(singleMessages)), Map.of())) {
            batch = result(raw.awaitLine("RESULT batch", Duration.ofMinutes(5)));
            single = result(raw.awaitLine("RESULT single", Duration.ofMinutes(5)));
        }
        double[] figures = {batch[0] / batch[1], batch[2] / batch[0] / 1e3, 1000 * single[1] / single[0],
            single[2] / single[0] / 1e3};
        System.out.printf(Locale.ROOT, "  raw SendMessageBatch %8.0f msg/s, %6.1f us CPU/msg | raw SendMessage %.2f ms,"
                + " %6.1f us CPU/msg%n", figures[0], figures[1], figures[2], figures[3]);
        return figures;
    }

    private Load[] noop() throws Exception {
        System.out.println("no-op Netty server (202, nothing else), own JVM...");
        try (ChildJvm noop = ChildJvm.start(withArgs(ImageJvm.benchCommand(ImageJvm.imageClasspathWithBench(),
                NoopNettyServer.class.getName()), Integer.getInteger("bench.ioThreads", 2).toString()), Map.of())) {
            URI uri = portUri(noop.awaitLine("READY", Duration.ofSeconds(30)));
            Load[] loads = {load(noop, uri, CLIENTS), load(noop, uri, 1)};
            print("no-op Netty", loads);
            return loads;
        }
    }

    private record AdapterRun(Load many, Load one, long idleRssMib, long loadRssMib, int threads) {
    }

    private AdapterRun adapter(String[] queue) throws Exception {
        System.out.println("AWSSQSTarget adapter, as its image runs it (" + ImageJvm.javaOptionsSummary() + ")...");
        int port = Bench.freePort();
        Map<String, String> env = new HashMap<>(Map.of("ARN", queue[2], "PORT", Integer.toString(port),
                "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", "elasticmq", "AWS_ACCESS_KEY_ID", "x",
                "AWS_SECRET_ACCESS_KEY", "x"));
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("bench.env."))
                .forEach(p -> env.put(p.substring("bench.env.".length()), System.getProperty(p)));
        try (ChildJvm adapter = ChildJvm.adapter("AWSSQSTarget", env)) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            Bench.until(System.nanoTime(), () -> SqsBenchmarks.health(uri), Duration.ofSeconds(30));
            Thread.sleep(2_000);  // idle: let start-up work (JIT, first GC) settle before reading memory
            long idleRss = adapter.rssKib() / 1024;
            adapter.resetMaxRss();
            Load many = load(adapter, uri, CLIENTS);
            long loadRss = adapter.maxRssMib();
            int threads = adapter.threads();
            Load one = load(adapter, uri, 1);
            print("adapter", new Load[] {many, one});
            System.out.printf("  adapter RSS: idle %d MiB, under load %d MiB, %d threads%n", idleRss, loadRss,
                    threads);
            return new AdapterRun(many, one, idleRss, loadRss, threads);
        }
    }

    private Load[] camel(String[] queue) throws Exception {
        System.out.println("Apache Camel netty-http -> aws2-sqs, own JVM...");
        try (ChildJvm camel = ChildJvm.start(withArgs(ImageJvm.benchCommand(System.getProperty("java.class.path"),
                CamelTarget.class.getName()), endpoint.toString(), queue[0], Integer.toString(CLIENTS)), Map.of())) {
            URI uri = portUri(camel.awaitLine("READY", Duration.ofSeconds(60)));
            Load[] loads = {load(camel, uri, CLIENTS), load(camel, uri, 1)};
            print("Camel", loads);
            return loads;
        }
    }

    /** A measured load phase: events/s, CPU microseconds per event of the process, mean latency. */
    private record Load(double rate, double cpuUs, double latencyMs) {
    }

    private Load load(ChildJvm process, URI uri, int clients) throws Exception {
        wrk.run(uri, clients, clients == 1 ? warmUp.dividedBy(2) : warmUp);
        long cpu = process.cpuNanos();
        Wrk.Result result = wrk.run(uri, clients, clients == 1 ? measure.dividedBy(2) : measure);
        long used = process.cpuNanos() - cpu;
        return new Load(result.rate(), used / 1e3 / result.requests(), result.meanLatencyMs());
    }

    private static void print(String who, Load[] loads) {
        System.out.printf(Locale.ROOT, "  %s: %d clients %8.0f/s, %6.1f us CPU/event | 1 client %.2f ms,"
                + " %6.1f us CPU/event%n", who, CLIENTS, loads[0].rate, loads[0].cpuUs, loads[1].latencyMs,
                loads[1].cpuUs);
    }

    private static double[] result(String line) {
        String[] f = line.split(" ");
        return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])};
    }

    private static URI portUri(String readyLine) {
        return URI.create("http://127.0.0.1:" + readyLine.split(" ")[1].trim() + "/");
    }

    private static List<String> withArgs(List<String> command, String... args) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }
}
