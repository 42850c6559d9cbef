package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.sqs.adapter.SqsSourceAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The three ways of moving a queue into the sink that the source benchmark compares. */
final class SourceVariants {

    private SourceVariants() {
    }

    /**
     * The raw limit: {@code concurrency} threads, each receiving 10, POSTing every message (binary-mode CloudEvent
     * headers) and deleting them with one DeleteMessageBatch.
     */
    static AutoCloseable raw(SqsClient sqs, String url, String queueArn, URI sink, int concurrency) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                            .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All")).messages();
                    if (messages.isEmpty()) {
                        continue;
                    }
                    List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
                    for (Message m : messages) {
                        HttpRequest request = HttpRequest.newBuilder(sink).header("ce-specversion", "1.0")
                                .header("ce-id", m.messageId()).header("ce-type", "com.amazon.sqs.message")
                                .header("ce-source", queueArn).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(m.body())).build();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status < 300) {
                                deletes.add(DeleteMessageBatchRequestEntry.builder().id("d" + deletes.size())
                                        .receiptHandle(m.receiptHandle()).build());
                            }
                        } catch (Exception e) {
                            // left for redelivery
                        }
                    }
                    if (!deletes.isEmpty()) {
                        sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes));
                    }
                }
            }, "raw-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return () -> {
            stop.set(true);
            for (Thread t : threads) {
                t.join(5000);
            }
        };
    }

    /** The AWSSQSSource adapter, in this process, with {@code concurrency} deliveries at once. */
    static AutoCloseable adapter(URI endpoint, String queueArn, URI sink, int concurrency) throws Exception {
        return AdapterRuntime.start(Map.of("ARN", queueArn, "K_SINK", sink.toString(),
                "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", "elasticmq", "AWS_ACCESS_KEY_ID", "x",
                "AWS_SECRET_ACCESS_KEY", "x", "SINK_CONCURRENCY", Integer.toString(concurrency),
                "SQS_POLLERS", Integer.toString(pollers(concurrency))), new SqsSourceAdapter());
    }

    static int pollers(int concurrency) {
        return Math.max(2, concurrency / 4);
    }

    /**
     * Apache Camel's aws2-sqs consumer tuned for throughput: 10 per poll, greedy, no delay, {@code concurrency}
     * concurrent consumers, deleting after read, posting every message to the same sink with the same headers.
     */
    static AutoCloseable camel(SqsClient sqs, String queueName, String queueArn, URI sink, int concurrency)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("sqs", sqs);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws2-sqs://" + queueName + "?amazonSQSClient=#sqs&maxMessagesPerPoll=10&concurrentConsumers="
                        + concurrency + "&greedy=true&delay=0&initialDelay=0&waitTimeSeconds=1"
                        + "&deleteAfterRead=true&attributeNames=All&messageAttributeNames=All")
                        .setHeader("ce-specversion", constant("1.0"))
                        .setHeader("ce-id", header("CamelAwsSqsMessageId"))
                        .setHeader("ce-type", constant("com.amazon.sqs.message"))
                        .setHeader("ce-source", constant(queueArn))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .to("http://" + sink.getHost() + ":" + sink.getPort() + "/?throwExceptionOnFailure=true");
            }
        });
        camel.start();
        return camel::stop;
    }

    static Duration limit() {
        return Duration.ofMinutes(3);
    }
}
