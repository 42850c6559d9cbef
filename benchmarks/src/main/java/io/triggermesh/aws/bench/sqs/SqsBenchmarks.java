package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.adapter.http.CloudEventReceiver;
import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.bench.Bench;
import io.triggermesh.aws.bench.ElasticMq;
import io.triggermesh.aws.bench.LoopbackSink;
import io.triggermesh.aws.sqs.adapter.SqsTargetAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS adapters' benchmarks: a program, not a test (CI never runs it), printing ratios against baselines measured
 * in the same run, on ElasticMQ embedded and a loopback sink. See docs/benchmarks.md for the command.
 *
 * <p>System properties: {@code bench.messages} (source runs, default 20000), {@code bench.targetMessages}
 * (default 10000), {@code bench.singleMessages} (default 2000), {@code bench.sendConcurrency} (the target's
 * SEND_CONCURRENCY, default 16), {@code bench.ioThreads} (event loops of the no-op servers, default 2).
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
        int targetMessages = Integer.getInteger("bench.targetMessages", 10_000);
        int singleMessages = Integer.getInteger("bench.singleMessages", 2_000);
        System.out.printf("SQS adapter benchmarks: ElasticMQ 1.7.1 embedded, loopback sink, %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        String only = System.getProperty("bench.only", "all");
        if (only.equals("all") || only.equals("source")) {
            sourceRuns(messages);
        }
        if (only.equals("all") || only.equals("target")) {
            System.out.println();
            System.out.println("== AWSSQSTarget: HTTP CloudEvents -> queue, events/s");
            targetRuns(targetMessages, singleMessages);
        }
        if (only.equals("all") || only.equals("process")) {
            System.out.println();
            System.out.println("== Adapter processes (JVM options " + String.join(" ", ChildAdapter.JVM_OPTIONS)
                    + ")");
            processRuns(messages, targetMessages);
        }
    }

    private void sourceRuns(int messages) throws Exception {
        System.out.println("warming up...");
        sourceRun("raw", 4, 4_000);
        sourceRun("adapter", 4, 4_000);
        sourceRun("camel", 4, 2_000);

        System.out.println();
        System.out.println("== AWSSQSSource: queue -> sink, events/s (same queue depth, same sink, same run)");
        for (int concurrency : new int[] {4, 16}) {
            Result raw = sourceRun("raw", concurrency, messages);
            Result adapter = sourceRun("adapter", concurrency, messages);
            Result camel = sourceRun("camel", concurrency, messages);
            System.out.printf(Locale.ROOT, "concurrency %2d: raw SDK loop %8.0f/s (%.3f calls/event) | adapter %8.0f/s"
                    + " (%.3f calls/event %s) | Camel aws2-sqs %8.0f/s (%.3f calls/event)%n", concurrency,
                    raw.rate(), raw.callsPerEvent(), adapter.rate(), adapter.callsPerEvent(), adapter.calls(),
                    camel.rate(), camel.callsPerEvent());
            System.out.printf(Locale.ROOT, "concurrency %2d: adapter / raw = %.2fx   adapter / Camel = %.2fx%n",
                    concurrency, adapter.rate() / raw.rate(), adapter.rate() / camel.rate());
        }
    }

    private record Result(double rate, double callsPerEvent, Map<String, Long> calls) {
    }

    private Result sourceRun(String variant, int concurrency, int count) throws Exception {
        Queue queue = queue();
        Bench.fill(sqs, queue.url(), count, i -> Bench.BODY);
        long before = sink.received();
        SqsCallCounter.reset();
        depthCalls.set(0);
        long start = System.nanoTime();
        AutoCloseable running = switch (variant) {
            case "raw" -> SourceVariants.raw(sqs, queue.url(), queue.arn(), sink.uri(), concurrency);
            case "adapter" -> SourceVariants.adapter(endpoint, queue.arn(), sink.uri(), concurrency);
            case "camel" -> SourceVariants.camel(sqs, queue.name(), queue.arn(), sink.uri(), concurrency);
            default -> throw new IllegalArgumentException(variant);
        };
        double seconds;
        try {
            seconds = Bench.until(start, () -> sink.received() - before >= count, SourceVariants.limit());
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
        return new Result(count / seconds, (double) calls / count, byOperation);
    }

    private void targetRuns(int batchMessages, int singleMessages) throws Exception {
        Queue queue = queue();
        String eventJson = "{\"specversion\":\"1.0\",\"id\":\"bench-1\",\"source\":\"urn:bench\",\"type\":"
                + "\"order.created\",\"datacontenttype\":\"application/json\",\"data\":" + Bench.BODY + "}";
        int port = Bench.freePort();
        String sendConcurrency = System.getProperty("bench.sendConcurrency", "16");
        int ioThreads = Integer.getInteger("bench.ioThreads", 2);
        try (AdapterRuntime target = AdapterRuntime.start(Map.of("ARN", queue.arn(), "PORT", Integer.toString(port),
                "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", "elasticmq", "AWS_ACCESS_KEY_ID", "x",
                "AWS_SECRET_ACCESS_KEY", "x", "SEND_CONCURRENCY", sendConcurrency), new SqsTargetAdapter());
                NoopNettyServer noop = new NoopNettyServer(ioThreads);
                CloudEventReceiver receiver = CloudEventReceiver.asyncBuilder(
                        event -> CompletableFuture.completedFuture(TargetReply.accepted()))
                        .host("127.0.0.1").port(0).ioThreads(ioThreads).start()) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            URI receiverUri = URI.create("http://127.0.0.1:" + receiver.port() + "/");
            Bench.until(System.nanoTime(), () -> health(uri), Duration.ofSeconds(10));
            // warm-up
            TargetVariants.rawBatch(sqs, queue.url(), eventJson, 16, 4_000);
            TargetVariants.load(uri, 160, 4_000);
            TargetVariants.load(noop.uri(), 160, 4_000);
            TargetVariants.load(receiverUri, 160, 4_000);
            TargetVariants.rawSingle(sqs, queue.url(), eventJson, 500);
            TargetVariants.load(uri, 1, 500);
            TargetVariants.load(noop.uri(), 1, 500);
            TargetVariants.load(receiverUri, 1, 500);
            sqs.purgeQueue(b -> b.queueUrl(queue.url()));

            Map<String, Double> busy = new java.util.LinkedHashMap<>();
            CpuMeter cpu = CpuMeter.start();
            double rawBatch = batchMessages / TargetVariants.rawBatch(sqs, queue.url(), eventJson, 16, batchMessages);
            busy.put("raw batch", cpu.busy());
            SqsCallCounter.reset();
            cpu = CpuMeter.start();
            double adapter16 = batchMessages / TargetVariants.load(uri, 160, batchMessages);
            busy.put("adapter 16", cpu.busy());
            double callsPerEvent = (double) SqsCallCounter.total() / batchMessages;
            Map<String, Long> calls = SqsCallCounter.byOperation();
            cpu = CpuMeter.start();
            double noop16 = batchMessages / TargetVariants.load(noop.uri(), 160, batchMessages);
            busy.put("no-op Netty 16", cpu.busy());
            cpu = CpuMeter.start();
            double receiver16 = batchMessages / TargetVariants.load(receiverUri, 160, batchMessages);
            busy.put("no-op receiver 16", cpu.busy());
            cpu = CpuMeter.start();
            double rawSingle = singleMessages / TargetVariants.rawSingle(sqs, queue.url(), eventJson, singleMessages);
            busy.put("raw single", cpu.busy());
            cpu = CpuMeter.start();
            SqsCallCounter.reset();
            double adapter1 = singleMessages / TargetVariants.load(uri, 1, singleMessages);
            busy.put("adapter 1", cpu.busy());
            Map<String, Long> calls1 = SqsCallCounter.byOperation();
            double noop1 = singleMessages / TargetVariants.load(noop.uri(), 1, singleMessages);
            double receiver1 = singleMessages / TargetVariants.load(receiverUri, 1, singleMessages);
            System.out.printf(Locale.ROOT, "concurrency 16: raw SendMessageBatch %8.0f/s | adapter (SEND_CONCURRENCY=%s,"
                    + " 160 HTTP requests in flight) %8.0f/s, %.3f calls/event %s%n", rawBatch, sendConcurrency,
                    adapter16, callsPerEvent, calls);
            System.out.printf(Locale.ROOT, "concurrency 16: ceilings, same load: no-op Netty 202 %8.0f/s | receiver"
                    + " with a no-op handler %8.0f/s%n", noop16, receiver16);
            System.out.printf(Locale.ROOT, "concurrency 16: adapter / raw SendMessageBatch = %.2fx   no-op Netty / raw"
                    + " = %.2fx   no-op receiver / raw = %.2fx   adapter / no-op Netty = %.2fx%n",
                    adapter16 / rawBatch, noop16 / rawBatch, receiver16 / rawBatch, adapter16 / noop16);
            System.out.printf(Locale.ROOT, "concurrency  1: raw SendMessage %8.0f/s (%.2f ms) | adapter %8.0f/s"
                    + " (%.2f ms) | no-op Netty %8.0f/s (%.2f ms) | no-op receiver %8.0f/s (%.2f ms)%n",
                    rawSingle, 1000 / rawSingle, adapter1, 1000 / adapter1, noop1, 1000 / noop1, receiver1,
                    1000 / receiver1);
            System.out.printf(Locale.ROOT, "concurrency  1: adapter / raw SendMessage = %.2fx, adapter calls %s%n",
                    adapter1 / rawSingle, calls1);
            StringBuilder shares = new StringBuilder("CPU busy (whole machine) during:");
            busy.forEach((phase, share) -> shares.append(String.format(Locale.ROOT, " %s %.0f%%,", phase,
                    100 * share)));
            System.out.println(shares.substring(0, shares.length() - 1));
            System.out.println("(requests resent after a connection reset so far: " + TargetVariants.RESENT.get()
                    + ")");
        }
        sqs.deleteQueue(b -> b.queueUrl(queue.url()));
    }

    private void processRuns(int messages, int targetMessages) throws Exception {
        Map<String, String> common = Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", "elasticmq",
                "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "x");
        Queue source = queue();
        Bench.fill(sqs, source.url(), messages, i -> Bench.BODY);
        Map<String, String> sourceEnv = new java.util.HashMap<>(common);
        sourceEnv.putAll(Map.of("ARN", source.arn(), "K_SINK", sink.uri().toString(), "SINK_CONCURRENCY", "16",
                "SQS_POLLERS", "4"));
        long before = sink.received();
        long start = System.nanoTime();
        try (ChildAdapter child = ChildAdapter.start(SOURCE_KIND, sourceEnv)) {
            Bench.until(start, () -> {
                child.sampleRssKib();
                return sink.received() - before >= messages;
            }, SourceVariants.limit());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "source adapter process: %d events in %.1f s (%.0f/s incl. JVM start),"
                    + " max RSS %d MiB%n", messages, seconds, messages / seconds, child.maxRssMib());
        }

        Queue target = queue();
        int port = Bench.freePort();
        Map<String, String> targetEnv = new java.util.HashMap<>(common);
        targetEnv.putAll(Map.of("ARN", target.arn(), "PORT", Integer.toString(port), "SEND_CONCURRENCY", "16"));
        try (ChildAdapter child = ChildAdapter.start(TARGET_KIND, targetEnv)) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            Bench.until(System.nanoTime(), () -> health(uri), Duration.ofSeconds(30));
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    child.sampleRssKib();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            double seconds = TargetVariants.load(uri, 160, targetMessages);
            sampler.interrupt();
            sampler.join();
            System.out.printf(Locale.ROOT, "target adapter process: %d events in %.1f s (%.0f/s), max RSS %d MiB%n",
                    targetMessages, seconds, targetMessages / seconds, child.maxRssMib());
        }

        double sourceStart = 0;
        double targetStart = 0;
        int runs = 3;
        for (int i = 0; i < runs; i++) {
            sourceStart += ChildAdapter.millisToFirstAwsCall(SOURCE_KIND, sourceEnv) / runs;
            targetStart += ChildAdapter.millisToFirstAwsCall(TARGET_KIND, targetEnv) / runs;
        }
        System.out.printf(Locale.ROOT, "start to first AWS call (process launch to GetQueueUrl, mean of %d):"
                + " source %.0f ms, target %.0f ms%n", runs, sourceStart, targetStart);
    }

    private int depth(Queue queue) {
        depthCalls.incrementAndGet();
        return Bench.depth(sqs, queue.url());
    }

    private static boolean health(URI target) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    target.resolve("/health")).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
