package io.triggermesh.aws.bench.s3;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.adapter.polling.ConsumerStats;
import io.triggermesh.aws.bench.Bench;
import io.triggermesh.aws.bench.ElasticMq;
import io.triggermesh.aws.bench.LoopbackSink;
import io.triggermesh.aws.bench.RawSqsLoop;
import io.triggermesh.aws.s3.adapter.source.S3SourceAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Benchmark of the AWSS3Source adapter against the raw limit measured in the same run (not a test; run it with
 * the command in docs/benchmarks.md). ElasticMQ, embedded, is the SQS backend; one loopback sink answers 202 to both
 * contenders.
 *
 * <ul>
 *   <li>throughput: the adapter (S3SourceAdapter through AdapterRuntime, as in its container: S3 mapping, CloudEvent
 *       encoding, the shared SQS engine) against {@link RawSqsLoop} with as many threads as the adapter has senders,
 *       each draining its own queue pre-filled with S3 notifications; rounds alternate (each contender's round
 *       next to the other's, so both see the same load), and the median of the rounds' ratios is reported;</li>
 *   <li>SQS calls per delivered event (receives, batched deletes and visibility changes);</li>
 *   <li>idle receives per minute per poller, on an empty queue.</li>
 * </ul>
 *
 * <p>Arguments (all optional): {@code messages=10000 rounds=3 pollers=4 senders=16 idleSeconds=60} (pollers and
 * senders default to the adapter's defaults).
 */
public final class S3SourceBenchmark {

    private static final String QUEUE = "bench";
    private static final String BUCKET_ARN = "arn:aws:s3:::bench-bucket";
    /** What the raw loop posts: what the adapter posts for an upload (its type and the bucket as source). */
    private static final RawSqsLoop.Events EVENTS = new RawSqsLoop.Events("com.amazon.s3.objectcreated", BUCKET_ARN,
            false);
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final Map<String, Integer> options;
    private final SqsClient sqs;
    private final URI endpoint;
    private final LoopbackSink sink;
    private int queues;
    private String queueUrl;
    private String queueArn;

    private S3SourceBenchmark(Map<String, Integer> options, URI endpoint, LoopbackSink sink) {
        this.options = options;
        this.endpoint = endpoint;
        this.sink = sink;
        this.sqs = Bench.sqs(endpoint);
    }

    /**
     * A new queue, pre-filled with {@code count} S3 notifications, for each run: a stopped adapter's long polls stay
     * open on the server for up to 20 s, and messages sent meanwhile would go to them and stay invisible for the
     * visibility timeout, stalling the next contender on the same queue.
     */
    private void freshQueue(int count) throws Exception {
        String name = QUEUE + "-" + (++queues);
        queueUrl = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Bench.fill(sqs, queueUrl, count, S3SourceBenchmark::notification);
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("messages", 10_000, "rounds", 3, "pollers", S3SourceAdapter.DEFAULT_POLLERS,
                "senders", 16, "idleSeconds", 60));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; known: " + options.keySet());
            }
            options.put(pair[0], Integer.parseInt(pair[1]));
        }
        try (ElasticMq elasticMq = ElasticMq.start(); LoopbackSink sink = new LoopbackSink()) {
            new S3SourceBenchmark(options, elasticMq.endpoint(), sink).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        int messages = options.get("messages");
        int pollers = options.get("pollers");
        int senders = options.get("senders");
        System.out.printf(Locale.ROOT, "S3 source benchmark: %d messages per round, %d rounds, adapter %d pollers x"
                + " %d senders, raw loop %d threads; %d cores; ElasticMQ at %s%n", messages, options.get("rounds"),
                pollers, senders, senders, Runtime.getRuntime().availableProcessors(), endpoint);
        // One warm-up round of each (JIT, connections), not reported.
        freshQueue(messages);
        adapterRound(messages, pollers, senders);
        freshQueue(messages);
        rawRound(messages, senders);

        List<Double> adapterRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        ConsumerStats lastStats = null;
        double rawCallsPerEvent = 0;
        System.out.println("round  adapter events/s  raw events/s  ratio");
        for (int round = 1; round <= options.get("rounds"); round++) {
            freshQueue(messages);
            AdapterResult adapter = adapterRound(messages, pollers, senders);
            freshQueue(messages);
            RawResult raw = rawRound(messages, senders);
            adapterRates.add(adapter.rate());
            rawRates.add(raw.rate());
            ratios.add(adapter.rate() / raw.rate());
            lastStats = adapter.stats();
            rawCallsPerEvent = raw.callsPerEvent();
            System.out.printf(Locale.ROOT, "%5d  %16.0f  %12.0f  %5.2f%n", round, adapter.rate(), raw.rate(),
                    adapter.rate() / raw.rate());
        }
        System.out.printf(Locale.ROOT, "median: adapter %.0f events/s, raw %.0f events/s; median of the rounds'"
                + " ratios %.2f (target >= 0.9)%n", median(adapterRates), median(rawRates), median(ratios));
        System.out.printf(Locale.ROOT, "SQS calls per delivered event: adapter %.3f (%d receives, %d delete batches,"
                        + " %d visibility batches for %d events; target <= 0.22), raw loop %.3f%n",
                (double) lastStats.sqsCalls() / lastStats.eventsAccepted(), lastStats.receiveCalls(),
                lastStats.deleteCalls(), lastStats.visibilityCalls(), lastStats.eventsAccepted(), rawCallsPerEvent);
        idle(pollers, senders);
    }

    private record AdapterResult(double rate, ConsumerStats stats) {
    }

    private record RawResult(double rate, double callsPerEvent) {
    }

    private AdapterResult adapterRound(int messages, int pollers, int senders) throws Exception {
        long before = sink.received();
        S3SourceAdapter adapter = new S3SourceAdapter();
        long start = System.nanoTime();
        AdapterRuntime runtime = AdapterRuntime.start(env(pollers, senders), adapter);
        try {
            double seconds = Bench.until(start, () -> sink.received() - before >= messages, LIMIT);
            awaitEmptyQueue();
            return new AdapterResult(messages / seconds, adapter.stats().orElseThrow());
        } finally {
            runtime.close();
        }
    }

    private RawResult rawRound(int messages, int threads) throws InterruptedException {
        long start = System.nanoTime();
        double seconds;
        double callsPerEvent;
        try (RawSqsLoop raw = RawSqsLoop.start(sqs, queueUrl, sink.uri(), EVENTS, threads)) {
            seconds = Bench.until(start, () -> raw.delivered() >= messages, LIMIT);
            callsPerEvent = (double) raw.sqsCalls() / raw.delivered();
        }
        awaitEmptyQueue();
        return new RawResult(messages / seconds, callsPerEvent);
    }

    private void idle(int pollers, int senders) throws Exception {
        int seconds = options.get("idleSeconds");
        if (seconds <= 0) {
            return;
        }
        freshQueue(0);
        S3SourceAdapter adapter = new S3SourceAdapter();
        try (AdapterRuntime runtime = AdapterRuntime.start(env(pollers, senders), adapter)) {
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());  // the measurement window itself
            long receives = adapter.stats().orElseThrow().receiveCalls();
            System.out.printf(Locale.ROOT, "idle: %d receives by %d pollers in %d s = %.1f per minute per poller"
                    + " (target <= 3)%n", receives, pollers, seconds, receives * 60.0 / seconds / pollers);
        }
    }

    private Map<String, String> env(int pollers, int senders) {
        Map<String, String> env = new HashMap<>();
        env.put("ARN", BUCKET_ARN);
        env.put("QUEUE_ARN", queueArn);
        env.put("K_SINK", sink.uri().toString());
        env.put("NAME", "bench");
        env.put("NAMESPACE", "bench");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("SQS_POLLERS", Integer.toString(pollers));
        env.put("SINK_CONCURRENCY", Integer.toString(senders));
        env.put("LOG_LEVEL", "warn");
        return env;
    }

    private void awaitEmptyQueue() throws InterruptedException {
        Bench.until(System.nanoTime(), () -> Bench.depth(sqs, queueUrl) == 0, Duration.ofSeconds(30));
    }

    private static String notification(int i) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",\
                "eventTime":"2026-11-28T10:00:00.000Z","eventName":"ObjectCreated:Put",\
                "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},"requestParameters":{"sourceIPAddress":"10.0.0.1"},\
                "responseElements":{"x-amz-request-id":"REQ%08d","x-amz-id-2":"HOST"},\
                "s3":{"s3SchemaVersion":"1.0","configurationId":"bench","bucket":{"name":"bench-bucket",\
                "ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::bench-bucket"},\
                "object":{"key":"bench/object-%08d.json","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e",\
                "sequencer":"%016X"}}}]}""".formatted(i, i, (long) i);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
