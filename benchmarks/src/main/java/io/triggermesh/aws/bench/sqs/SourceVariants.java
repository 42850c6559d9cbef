package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.bench.RawSqsLoop;
import io.triggermesh.aws.sqs.adapter.SqsSourceAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The three ways of moving a queue into the sink that the source benchmark compares. */
final class SourceVariants {

    private SourceVariants() {
    }

    /** The raw limit: {@link RawSqsLoop} with {@code concurrency} threads, posting what the adapter posts. */
    static AutoCloseable raw(SqsClient sqs, String url, String queueArn, URI sink, int concurrency) {
        return RawSqsLoop.start(sqs, url, sink, new RawSqsLoop.Events("com.amazon.sqs.message", queueArn, true),
                concurrency);
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
