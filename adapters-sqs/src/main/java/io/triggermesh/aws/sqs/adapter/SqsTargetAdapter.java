package io.triggermesh.aws.sqs.adapter;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AdapterConfigException;
import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;
import io.triggermesh.aws.adapter.http.CloudEventReceiver;
import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.adapter.queues.QueueUrls;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.sqs.AwsSqsTargetKind;
import io.triggermesh.aws.sqs.SqsAdapterEnv;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWSSQSTarget adapter: every CloudEvent received over HTTP becomes one message in the queue (see
 * {@link TargetMessage}); concurrent events are coalesced by a {@link SendBatcher}. The answer is a
 * {@value AwsSqsTargetKind#RESULT_EVENT_TYPE} event whose data holds the MessageId, or an error (see
 * {@link TargetReplies}). The queue URL is resolved with GetQueueUrl in the background; until then {@code /health}
 * answers 503 and events get the reason.
 */
public final class SqsTargetAdapter implements KindAdapter {

    /** The largest message body sent, in bytes; SQS's own limit (1 MiB) when unset. */
    public static final String MAX_MESSAGE_BYTES = "MAX_MESSAGE_BYTES";
    /**
     * The most SendMessage/SendMessageBatch calls at once (default 16). Partial batches get at most 4 of them (fewer
     * when this is lower); only full batches, which show that events arrive faster than the calls carry them, get
     * the rest (see {@link io.triggermesh.aws.adapter.queues.CallLimit}).
     */
    public static final String SEND_CONCURRENCY = "SEND_CONCURRENCY";

    static final int SQS_MAX_MESSAGE_BYTES = 1024 * 1024;
    // The batch call's total limit was 256 KiB before SQS raised it; staying under it works with every SQS API.
    static final int MAX_BATCH_BYTES = 256 * 1024;
    static final Duration LINGER = Duration.ofMillis(2);

    @Override
    public String kind() {
        return AwsSqsTargetKind.KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) throws Exception {
        AdapterConfig config = context.config();
        TargetQueue queue = TargetQueue.fromConfig(config);
        boolean discard = config.bool(SqsAdapterEnv.DISCARD_CLOUDEVENT_CONTEXT, false);
        int port = config.port(AwsSqsTargetKind.HTTP_PORT);
        int maxMessageBytes = config.integer(MAX_MESSAGE_BYTES, SQS_MAX_MESSAGE_BYTES, 1, SQS_MAX_MESSAGE_BYTES);
        int concurrency = config.integer(SEND_CONCURRENCY, 16, 1, 256);

        SqsClient sqs = context.aws().sqs(Region.of(queue.arn().region()));
        QueueUrls urls = new QueueUrls(sqs, queue.arn(), Optional.empty());
        AtomicReference<String> url = new AtomicReference<>();
        SendBatcher batcher = new SendBatcher(sqs, url::get, concurrency, LINGER, MAX_BATCH_BYTES);
        TargetReplies replies = new TargetReplies(queue.arn().toString());
        URI source = URI.create(queue.arn().toString());

        // Resolving first: the HTTP server's start-up need not delay the first AWS call.
        Thread resolver = new Thread(() -> urls.resolve().ifPresent(resolved -> {
            url.set(resolved);
            System.getLogger(SqsTargetAdapter.class.getName()).log(System.Logger.Level.INFO,
                    "sending events to " + queue.arn() + (discard ? " (data only)" : ""));
        }), "queue-url");
        resolver.setDaemon(true);
        resolver.start();

        // Runs on the receiver's event loops: builds the message there and never waits for SQS.
        CloudEventReceiver.Builder receiving = CloudEventReceiver.asyncBuilder(event -> {
            if (url.get() == null) {
                return CompletableFuture.completedFuture(replies.unresolved(urls.lastFailure(), urls));
            }
            TargetMessage message;
            try {
                message = TargetMessage.of(event, discard, queue.groupId().orElse(null));
            } catch (TargetMessage.Unsendable e) {
                return CompletableFuture.completedFuture(TargetReply.failure(400, "InvalidMessage", e.getMessage()));
            }
            if (message.bytes() > maxMessageBytes) {
                return CompletableFuture.completedFuture(TargetReply.failure(400, "MessageTooLarge",
                        "the message would be " + message.bytes() + " bytes; the limit is " + maxMessageBytes
                                + " bytes"));
            }
            return batcher.submit(message).thenApply(outcome -> outcome instanceof SendBatcher.Outcome.Sent sent
                    ? TargetReply.result(result(source, event, sent))
                    : replies.failed((SendBatcher.Outcome.Failed) outcome));
        }).host(config.bindAddress()).port(port).maxBodyBytes(maxMessageBytes + 64 * 1024)
                .health(() -> url.get() == null ? Optional.of("queue " + queue.arn() + " not resolved yet"
                        + urls.lastFailure().map(e -> ": " + urls.describe(e)).orElse(""))
                        : context.aws().credentialsProblem());
        CloudEventReceiver receiver;
        try {
            receiver = receiving.start();
        } catch (IOException | RuntimeException e) {
            urls.stop();
            batcher.close();
            throw e;
        }
        return () -> {
            urls.stop();
            receiver.close();
            batcher.close();
        };
    }

    private static CloudEvent result(URI source, CloudEvent event, SendBatcher.Outcome.Sent sent) {
        String data = "{\"MessageId\":\"" + sent.messageId() + "\""
                + (sent.sequenceNumber() == null ? "" : ",\"SequenceNumber\":\"" + sent.sequenceNumber() + "\"")
                + "}";
        return CloudEventBuilder.v1()
                .withId(sent.messageId() == null ? UUID.randomUUID().toString() : sent.messageId())
                .withType(AwsSqsTargetKind.RESULT_EVENT_TYPE)
                .withSource(source)
                .withSubject(event.getId())
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** The queue and the FIFO message group, from the environment. */
    record TargetQueue(QueueArn arn, Optional<String> groupId) {
        static TargetQueue fromConfig(AdapterConfig config) {
            QueueArn arn = SqsSourceAdapter.queueArn(config, "AWSSQSTarget");
            Optional<String> group = config.optional(SqsAdapterEnv.MESSAGE_GROUP_ID);
            if (arn.isFifo() && group.isEmpty()) {
                throw new AdapterConfigException(SqsAdapterEnv.MESSAGE_GROUP_ID, "is required because " + arn.name()
                        + " is a FIFO queue (set spec.messageGroupId)");
            }
            return new TargetQueue(arn, arn.isFifo() ? group : Optional.empty());
        }
    }
}
