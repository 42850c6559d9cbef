package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.bench.Bench;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The raw sends and the HTTP load the target benchmark compares. */
final class TargetVariants {

    /** Requests sent a second time after a connection failure, over the whole run. */
    static final AtomicLong RESENT = new AtomicLong();

    private TargetVariants() {
    }

    /** {@code concurrency} threads of SendMessageBatch (10 entries) until {@code count} messages; seconds taken. */
    static double rawBatch(SqsClient sqs, String url, String body, int concurrency, int count) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                int n;
                while ((n = Math.min(10, left.getAndAdd(-10))) > 0) {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(body).build());
                    }
                    sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One thread of SendMessage until {@code count} messages; seconds taken. */
    static double rawSingle(SqsClient sqs, String url, String body, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * {@code concurrency} requests in flight at once (binary-mode CloudEvents) against the target until
     * {@code count} answered 2xx; seconds taken. Fails on any other answer.
     */
    static double load(URI target, int concurrency, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        if (concurrency == 1) {
            // One client sending one request at a time, as the raw SendMessage loop does: no async hand-offs.
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                int status;
                try {
                    status = http.send(request(target, i), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException e) {
                    // A pooled connection closed under the client: count it and send once more.
                    RESENT.incrementAndGet();
                    status = http.send(request(target, i), HttpResponse.BodyHandlers.discarding()).statusCode();
                }
                if (status >= 300) {
                    throw new IllegalStateException("the target answered " + status);
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
        Semaphore permits = new Semaphore(concurrency);
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            HttpRequest request = request(target, i);
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> e == null ? CompletableFuture.completedFuture(r)
                            // A pooled connection closed under the client: count it and send once more.
                            : http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                                    .whenComplete((again, error) -> RESENT.incrementAndGet()))
                    .thenCompose(f -> f)
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() >= 300) {
                            failures.incrementAndGet();
                        }
                        permits.release();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
        return seconds;
    }

    private static HttpRequest request(URI target, int i) {
        return HttpRequest.newBuilder(target).header("ce-specversion", "1.0")
                .header("ce-id", "bench-" + i).header("ce-type", "order.created").header("ce-source", "urn:bench")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Bench.BODY)).build();
    }
}
