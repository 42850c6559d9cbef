package io.triggermesh.aws.bench.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The raw sends the target is compared with ({@link RawSends} runs them in a JVM of their own). */
final class TargetVariants {

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
}
