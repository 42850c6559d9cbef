package io.triggermesh.aws.bench;

import java.io.IOException;
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
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The raw limit the source adapters are compared with: the simplest correct consumer, written with the SDK alone.
 * Each of its threads receives up to 10 messages, POSTs each one to the sink (binary-mode CloudEvent headers, the
 * body as data) and deletes those the sink accepted with one DeleteMessageBatch. No mapping, no bounded memory, no
 * backoff. It runs until closed.
 */
public final class RawSqsLoop implements AutoCloseable {

    /**
     * What the loop posts: the CloudEvent {@code type} and {@code source} of every message, and whether it receives
     * the messages' attributes too (as the adapter it is compared with does).
     */
    public record Events(String type, String source, boolean withAttributes) {
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final URI sink;
    private final Events events;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong receiveCalls = new AtomicLong();
    private final AtomicLong deleteCalls = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    private RawSqsLoop(SqsClient sqs, String queueUrl, URI sink, Events events) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.sink = sink;
        this.events = events;
    }

    /** Starts {@code threads} loops on the queue. */
    public static RawSqsLoop start(SqsClient sqs, String queueUrl, URI sink, Events events, int threads) {
        RawSqsLoop raw = new RawSqsLoop(sqs, queueUrl, sink, events);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(raw::loop, "raw-" + i);
            thread.setDaemon(true);
            thread.start();
            raw.threads.add(thread);
        }
        return raw;
    }

    /** Messages the sink accepted and the loop deleted. */
    public long delivered() {
        return delivered.get();
    }

    /** ReceiveMessage and DeleteMessageBatch calls so far. */
    public long sqsCalls() {
        return receiveCalls.get() + deleteCalls.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(5000);
        }
    }

    private void loop() {
        while (!stop.get()) {
            receiveCalls.incrementAndGet();
            // A short wait only so that the loops end quickly once closed; the queue is never empty before.
            List<Message> batch = sqs.receiveMessage(this::receive).messages();
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
                delivered.addAndGet(deletes.size());
            }
        }
    }

    private void receive(ReceiveMessageRequest.Builder request) {
        request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1);
        if (events.withAttributes()) {
            request.messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All");
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
                .header("ce-type", events.type()).header("ce-source", events.source())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.body())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
