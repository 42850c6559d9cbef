package io.triggermesh.aws.bench.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The baseline: the simplest correct consumer, written with the SDK alone. Each of {@code threads} threads receives
 * up to 10 messages, POSTs each one to the sink (binary-mode CloudEvent headers, the body as data) and deletes the
 * batch with one DeleteMessageBatch. No mapping, no bounded memory, no backoff: the raw limit.
 */
final class RawSqsLoop {

    private final SqsClient sqs;
    private final String queueUrl;
    private final URI sink;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final AtomicLong receiveCalls = new AtomicLong();
    final AtomicLong deleteCalls = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();

    RawSqsLoop(SqsClient sqs, String queueUrl, URI sink) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.sink = sink;
    }

    /** Runs {@code threads} loops until {@code messages} were delivered; returns the elapsed nanoseconds. */
    long run(int threads, long messages) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> loop(done, messages), "raw-" + i);
            workers.add(worker);
            worker.start();
        }
        long elapsed;
        synchronized (delivered) {
            while (delivered.get() < messages) {
                delivered.wait(100);
            }
            elapsed = System.nanoTime() - start;
        }
        done.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return elapsed;
    }

    private void loop(AtomicBoolean done, long messages) {
        while (!done.get() && delivered.get() < messages) {
            receiveCalls.incrementAndGet();
            // A short wait only so that the loops end quickly once the queue is empty; it is never empty before.
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (Message message : batch) {
                if (post(message)) {
                    deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size()))
                            .receiptHandle(message.receiptHandle()).build());
                }
            }
            if (!deletes.isEmpty()) {
                deleteCalls.incrementAndGet();
                sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletes));
                synchronized (delivered) {
                    delivered.addAndGet(deletes.size());
                    delivered.notifyAll();
                }
            }
        }
    }

    /** POSTs with up to three attempts, so a rare connection error does not stall the run for a visibility timeout. */
    private boolean post(Message message) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (postOnce(message)) {
                return true;
            }
        }
        return false;
    }

    private boolean postOnce(Message message) {
        HttpRequest request = HttpRequest.newBuilder(sink).timeout(Duration.ofSeconds(30))
                .header("ce-specversion", "1.0").header("ce-id", message.messageId())
                .header("ce-type", "com.amazon.s3.objectcreated").header("ce-source", "arn:aws:s3:::bench-bucket")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.body())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
