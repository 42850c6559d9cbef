package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.Bench;
import io.triggermesh.aws.bench.ElasticMq;
import io.triggermesh.aws.bench.LoopbackSink;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS adapters' benchmarks: a program, not a test (CI never runs it), printing ratios against baselines measured
 * in the same run, on ElasticMQ embedded and a loopback sink, and ending with the table of goals (docs/benchmarks.md,
 * "Results"). The target's load comes from wrk, which must be on the PATH.
 *
 * <p>System properties: {@code bench.only} (source, target or process), {@code bench.messages} (source runs,
 * default 20000), {@code bench.targetMessages} (raw SendMessageBatch loop, default 40000), {@code bench.singleMessages}
 * (raw SendMessage loop, default 2000), {@code bench.seconds} and {@code bench.warmUpSeconds} (each wrk phase, 10 and
 * 5), {@code bench.ioThreads} (event loops of the no-op server, default 2), {@code bench.wrkThreads},
 * {@code bench.env.NAME=VALUE} (extra environment of the target adapter, such as SEND_CONCURRENCY),
 * {@code bench.adapterLib} (the adapter image's jars, default distribution/target/adapters/sqs/lib).
 */
public final class SqsBenchmarks {

    private static final String SOURCE_KIND = "AWSSQSSource";
    private static final String TARGET_KIND = "AWSSQSTarget";

    private final SqsClient sqs;
    private final URI endpoint;
    private final java.util.concurrent.atomic.AtomicLong depthCalls = new java.util.concurrent.atomic.AtomicLong();
    private final LoopbackSink sink;

    private SqsBenchmarks(SqsClient sqs, URI endpoint, LoopbackSink sink) {
        this.sqs = sqs;
        this.endpoint = endpoint;
        this.sink = sink;
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        try (ElasticMq elasticMq = ElasticMq.start(); SqsClient sqs = Bench.sqs(elasticMq.endpoint());
                LoopbackSink sink = new LoopbackSink()) {
            new SqsBenchmarks(sqs, elasticMq.endpoint(), sink).run();
        }
        System.exit(0);
    }

    private record Queue(String name, String url, String arn) {
    }

    private Queue queue() {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(name, url, arn);
    }

    private void run() throws Exception {
        int messages = Integer.getInteger("bench.messages", 20_000);
        String only = System.getProperty("bench.only", "all");
        boolean all = only.equals("all");
        // Before anything else: a missing load generator should not cost a user the source runs first.
        Wrk wrk = all || only.equals("target") ? Wrk.find() : null;
        System.out.printf("SQS adapter benchmarks: ElasticMQ 1.7.1 embedded, loopback sink, %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Goals goals = new Goals();
        if (all || only.equals("source")) {
            sourceRuns(messages, goals);
        }
        if (all || only.equals("target")) {
            System.out.println();
            System.out.println("== AWSSQSTarget: HTTP CloudEvents (wrk) -> queue, every contender its own process");
            goals.target(new TargetBenchmark(endpoint, wrk).run(() -> {
                Queue q = queue();
                return new String[] {q.name(), q.url(), q.arn()};
            }));
        }
        if (all || only.equals("process")) {
            System.out.println();
            System.out.println("== Adapter processes, as the image runs them (" + ImageJvm.javaOptionsSummary() + ")");
            processRuns(messages, goals);
        }
        System.out.println();
        goals.print();
    }

    private void sourceRuns(int messages, Goals goals) throws Exception {
        System.out.println("warming up...");
        sourceRun("raw", 4, 4_000);
        sourceRun("adapter", 4, 4_000);
        sourceRun("camel", 4, 2_000);

        System.out.println();
        System.out.println("== AWSSQSSource: queue -> sink, events/s (same queue depth, same sink, same run)");
        System.out.println("   (CPU/event: this whole JVM, ElasticMQ and the sink included, the same for each)");
        for (int concurrency : new int[] {4, 16}) {
            Result raw = sourceRun("raw", concurrency, messages);
            Result adapter = sourceRun("adapter", concurrency, messages);
            Result camel = sourceRun("camel", concurrency, messages);
            System.out.printf(Locale.ROOT, "concurrency %2d: raw SDK loop %8.0f/s (%.3f calls/event, %.0f us CPU/event)"
                    + " | adapter %8.0f/s (%.3f calls/event %s, %.0f us CPU/event) | Camel aws2-sqs %8.0f/s"
                    + " (%.3f calls/event, %.0f us CPU/event)%n", concurrency, raw.rate(), raw.callsPerEvent(),
                    raw.cpuUs(), adapter.rate(), adapter.callsPerEvent(), adapter.calls(), adapter.cpuUs(),
                    camel.rate(), camel.callsPerEvent(), camel.cpuUs());
            System.out.printf(Locale.ROOT, "concurrency %2d: adapter / raw = %.2fx   adapter / Camel = %.2fx%n",
                    concurrency, adapter.rate() / raw.rate(), adapter.rate() / camel.rate());
            goals.source(concurrency, raw.rate(), adapter.rate(), camel.rate(), raw.cpuUs(), adapter.cpuUs());
        }
    }

    private record Result(double rate, double callsPerEvent, Map<String, Long> calls, double cpuUs) {
    }

    private Result sourceRun(String variant, int concurrency, int count) throws Exception {
        Queue queue = queue();
        Bench.fill(sqs, queue.url(), count, i -> Bench.BODY);
        long before = sink.received();
        SqsCallCounter.reset();
        depthCalls.set(0);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        AutoCloseable running = switch (variant) {
            case "raw" -> SourceVariants.raw(sqs, queue.url(), queue.arn(), sink.uri(), concurrency);
            case "adapter" -> SourceVariants.adapter(endpoint, queue.arn(), sink.uri(), concurrency);
            case "camel" -> SourceVariants.camel(sqs, queue.name(), queue.arn(), sink.uri(), concurrency);
            default -> throw new IllegalArgumentException(variant);
        };
        double seconds;
        long used;
        try {
            seconds = Bench.until(start, () -> sink.received() - before >= count, SourceVariants.limit());
            used = processCpuNanos() - cpu;
            Bench.until(System.nanoTime(), () -> depth(queue) == 0, Duration.ofSeconds(30));
        } finally {
            running.close();
        }
        // The benchmark's own depth checks are GetQueueAttributes calls too: not the variant's.
        Map<String, Long> byOperation = new java.util.TreeMap<>(SqsCallCounter.byOperation());
        byOperation.computeIfPresent("GetQueueAttributes", (k, v) -> v - depthCalls.get() == 0 ? null
                : v - depthCalls.get());
        long calls = byOperation.values().stream().mapToLong(Long::longValue).sum();
        sqs.deleteQueue(b -> b.queueUrl(queue.url()));
        return new Result(count / seconds, (double) calls / count, byOperation, used / 1e3 / count);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void processRuns(int messages, Goals goals) throws Exception {
        Map<String, String> common = Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", "elasticmq",
                "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "x");
        Queue source = queue();
        Bench.fill(sqs, source.url(), messages, i -> Bench.BODY);
        Map<String, String> sourceEnv = new java.util.HashMap<>(common);
        sourceEnv.putAll(Map.of("ARN", source.arn(), "K_SINK", sink.uri().toString(), "SINK_CONCURRENCY", "16",
                "SQS_POLLERS", "4"));
        long before = sink.received();
        long start = System.nanoTime();
        long sourceRss;
        try (ChildJvm child = ChildJvm.adapter(SOURCE_KIND, sourceEnv)) {
            Bench.until(start, () -> sink.received() - before >= messages, SourceVariants.limit());
            double seconds = (System.nanoTime() - start) / 1e9;
            sourceRss = child.maxRssMib();
            System.out.printf(Locale.ROOT, "source adapter process: %d events in %.1f s (%.0f/s incl. JVM start),"
                    + " max RSS %d MiB, %.0f us CPU/event incl. JVM start%n", messages, seconds, messages / seconds,
                    sourceRss, child.cpuNanos() / 1e3 / messages);
        }

        Queue target = queue();
        Map<String, String> targetEnv = new java.util.HashMap<>(common);
        targetEnv.putAll(Map.of("ARN", target.arn(), "PORT", Integer.toString(Bench.freePort())));
        double sourceStart = 0;
        double targetStart = 0;
        int runs = 3;
        for (int i = 0; i < runs; i++) {
            sourceStart += ChildJvm.millisToFirstAwsCall(SOURCE_KIND, sourceEnv) / runs;
            targetStart += ChildJvm.millisToFirstAwsCall(TARGET_KIND, targetEnv) / runs;
        }
        System.out.printf(Locale.ROOT, "start to first AWS call (process launch to GetQueueUrl, mean of %d):"
                + " source %.0f ms, target %.0f ms%n", runs, sourceStart, targetStart);
        goals.processes(sourceRss, sourceStart, targetStart);
        manyObjects(common, goals);
        memoryFloor(goals);
    }

    /**
     * The idle RSS of the adapter's parts without the adapter ({@link MemoryFloor}), read like the target's idle RSS:
     * 2 s after it is ready.
     */
    private void memoryFloor(Goals goals) throws Exception {
        String queueUrl = queue().url();
        long[] mib = new long[MemoryFloor.MODES.size()];
        for (int i = 0; i < mib.length; i++) {
            try (ChildJvm floor = ChildJvm.start(withArgs(ImageJvm.benchCommand(ImageJvm.imageClasspathWithBench(),
                    MemoryFloor.class.getName()), MemoryFloor.MODES.get(i), endpoint.toString(), queueUrl),
                    Map.of())) {
                floor.awaitLine("READY", Duration.ofSeconds(60));
                Thread.sleep(2_000);  // as for the adapter: let start-up work settle before reading memory
                mib[i] = floor.rssKib() / 1024;
            }
        }
        System.out.printf(Locale.ROOT, "memory floor, idle (image's JVM options): JVM that sleeps %d MiB, no-op Netty"
                + " server %d MiB, SDK SQS client after two calls %d MiB, both %d MiB%n", mib[0], mib[1], mib[2],
                mib[3]);
        goals.memoryFloor(mib[0], mib[1], mib[2], mib[3]);
    }

    /**
     * The prototype of many objects per process ({@link ManyTargets}): RSS after the first AWSSQSTarget object and
     * after {@code bench.objects} (default 20), each having delivered 20 events, so each one's client, receiver and
     * senders have run.
     */
    private void manyObjects(Map<String, String> common, Goals goals) throws Exception {
        int objects = Integer.getInteger("bench.objects", 20);
        try (ChildJvm many = ChildJvm.start(withArgs(ImageJvm.benchCommand(ImageJvm.imageClasspathWithBench(),
                ManyTargets.class.getName()), endpoint.toString()), Map.of())) {
            long first = 0;
            long last = 0;
            for (int i = 1; i <= objects; i++) {
                many.send(queue().arn());
                String port = many.awaitLine("STARTED " + i + " ", Duration.ofSeconds(60)).split(" ")[2];
                URI uri = URI.create("http://127.0.0.1:" + port + "/");
                Bench.until(System.nanoTime(), () -> health(uri), Duration.ofSeconds(30));
                post(uri, 20);
                if (i == 1 || i == objects) {
                    Thread.sleep(1_000);  // let the deliveries' work settle before reading memory
                    if (i == 1) {
                        first = many.rssKib();
                    } else {
                        last = many.rssKib();
                    }
                }
            }
            double marginalMib = (last - first) / 1024.0 / (objects - 1);
            System.out.printf(Locale.ROOT, "many objects in one process (each with its own client, receiver and"
                    + " senders): RSS %d MiB with 1, %d MiB with %d, %.1f MiB per added object, %d threads%n",
                    first / 1024, last / 1024, objects, marginalMib, many.threads());
            goals.manyObjects(objects, first / 1024, last / 1024, marginalMib);
        }
    }

    private static void post(URI target, int events) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < events; i++) {
            int status = http.send(java.net.http.HttpRequest.newBuilder(target).header("ce-specversion", "1.0")
                    .header("ce-id", "many-" + i).header("ce-type", "order.created").header("ce-source", "urn:bench")
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Bench.BODY)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 300) {
                throw new IllegalStateException(target + " answered " + status);
            }
        }
    }

    private static java.util.List<String> withArgs(java.util.List<String> command, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(command);
        all.addAll(java.util.List.of(args));
        return all;
    }

    private int depth(Queue queue) {
        depthCalls.incrementAndGet();
        return Bench.depth(sqs, queue.url());
    }

    static boolean health(URI target) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    target.resolve("/health")).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
