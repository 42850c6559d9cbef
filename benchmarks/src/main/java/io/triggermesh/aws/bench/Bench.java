package io.triggermesh.aws.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Helpers shared by the benchmark programs. */
public final class Bench {

    /** The data of every event the SQS benchmark sends. */
    public static final String BODY =
            "{\"order\":{\"id\":\"A-1042\",\"items\":[{\"sku\":\"X-1\",\"qty\":2}],\"total\":42.5}}";

    private Bench() {
    }

    /** An SQS client like the adapters' (URLConnection HTTP client), for the raw baselines and set-up. */
    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.of("elasticmq"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(35)))
                .build();
    }

    /** Puts {@code count} messages into the queue, message {@code i} with {@code body.apply(i)}: 8 threads of batches. */
    public static void fill(SqsClient sqs, String url, int count, IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int start = 0; start < count; start += 10) {
                int first = start;
                int n = Math.min(10, count - start);
                futures.add(pool.submit(() -> {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        entries.add(SendMessageBatchRequestEntry.builder().id("e" + i)
                                .messageBody(body.apply(first + i)).build());
                    }
                    sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Messages in the queue, visible or in flight (one GetQueueAttributes call). */
    public static int depth(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .mapToInt(Integer::parseInt).sum();
    }

    /** Waits (polling every 5 ms, up to {@code limit}) until {@code done}; returns the elapsed seconds. */
    public static double until(long startNanos, BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = startNanos + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark did not finish within " + limit);
            }
            Thread.sleep(5);  // polling a benchmark's progress, not synchronising a test
        }
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
