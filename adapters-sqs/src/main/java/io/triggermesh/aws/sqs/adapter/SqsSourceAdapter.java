package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AdapterConfigException;
import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;
import io.triggermesh.aws.adapter.events.S3EventNotifications;
import io.triggermesh.aws.adapter.polling.MessageHandler;
import io.triggermesh.aws.adapter.polling.QueueConsumer;
import io.triggermesh.aws.adapter.polling.QueueConsumerSettings;
import io.triggermesh.aws.adapter.queues.QueueUrls;
import io.triggermesh.aws.adapter.queues.SqsErrors;
import io.triggermesh.aws.adapter.sink.CloudEventSender;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.spi.api.Shown;
import io.triggermesh.aws.sqs.AwsSqsSourceKind;
import io.triggermesh.aws.sqs.SqsAdapterEnv;
import io.triggermesh.aws.sqs.api.MessageProcessor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWSSQSSource adapter. It resolves the queue URL with GetQueueUrl (owner account: {@code QUEUE_OWNER_ACCOUNT_ID},
 * else the ARN's), reads the queue's own visibility timeout when the spec sets none, then runs the runtime's
 * {@link QueueConsumer} with the spec's message processor: {@code default} ({@link SqsMessageEvents}), {@code s3}
 * (S3 event notifications, one event per record) or {@code eventbridge} ({@link EventBridgeEvents}). Queue errors
 * at start are retried with a backoff and a clear log line, never in a tight loop.
 */
public final class SqsSourceAdapter implements KindAdapter {

    private static final System.Logger LOG = System.getLogger(SqsSourceAdapter.class.getName());

    @Override
    public String kind() {
        return AwsSqsSourceKind.KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) throws Exception {
        AdapterConfig config = context.config();
        QueueArn queue = queueArn(config, "AWSSQSSource");
        MessageHandler handler = handler(config, queue);
        QueueConsumerSettings settings = QueueConsumerSettings.fromConfig(config);
        boolean visibilityFromSpec = config.optional(QueueConsumerSettings.VISIBILITY_TIMEOUT_SECONDS).isPresent();
        Optional<String> owner = config.optional(SqsAdapterEnv.QUEUE_OWNER_ACCOUNT_ID);
        CloudEventSender sender = CloudEventSender.create(config.sink(), config.sinkTimeout());

        SqsClient sqs = context.aws().sqs(Region.of(queue.region()));
        QueueUrls urls = new QueueUrls(sqs, queue, owner);
        AtomicReference<QueueConsumer> consumer = new AtomicReference<>();
        Object lock = new Object();
        Thread starter = new Thread(() -> urls.resolve().ifPresent(url -> {
            QueueConsumerSettings effective = visibilityFromSpec ? settings
                    : settings.withVisibilityTimeout(queueVisibility(sqs, url, queue, settings.visibilityTimeout()));
            QueueConsumer started = QueueConsumer.builder(sqs, url, queue.toString(), handler, sender)
                    .settings(effective)
                    .onStop(context.aws()::stopLongPolls)
                    .build();
            synchronized (lock) {
                if (consumer.get() == null && !Thread.currentThread().isInterrupted()) {
                    consumer.set(started);
                    started.start();
                    LOG.log(System.Logger.Level.INFO, () -> "delivering " + queue + " to " + sender.describeSink());
                }
            }
        }), "queue-url");
        starter.setDaemon(true);
        starter.start();
        return () -> {
            urls.stop();
            synchronized (lock) {
                starter.interrupt();
                QueueConsumer running = consumer.getAndSet(null);
                if (running != null) {
                    running.close();
                }
            }
            sender.close();
        };
    }

    /** {@code ARN} as a queue ARN, or an error naming the variable. */
    static QueueArn queueArn(AdapterConfig config, String kind) {
        String raw = config.required(AdapterConfig.ARN, "the ARN of the SQS queue");
        return QueueArn.parse(raw).orElseThrow(() -> new AdapterConfigException(AdapterConfig.ARN,
                QueueArn.problem(raw, kind).orElse("is not an SQS queue ARN")));
    }

    static MessageHandler handler(AdapterConfig config, QueueArn queue) {
        String raw = config.optional(SqsAdapterEnv.MESSAGE_PROCESSOR).orElse(null);
        MessageProcessor processor = MessageProcessor.fromJson(raw).orElseThrow(() -> new AdapterConfigException(
                SqsAdapterEnv.MESSAGE_PROCESSOR, "must be one of " + String.join(", ", MessageProcessor.jsonNames())
                        + ", not " + Shown.quoted(raw)));
        return switch (processor) {
            case DEFAULT -> new SqsMessageEvents(queue.toString())::handle;
            case S3 -> message -> S3EventNotifications.toEvents(message.body(), queue.partition());
            case EVENTBRIDGE -> EventBridgeEvents::handle;
        };
    }

    private static Duration queueVisibility(SqsClient sqs, String url, QueueArn queue, Duration fallback) {
        try {
            String value = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
            return value == null ? fallback : Duration.ofSeconds(Long.parseLong(value));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot read the visibility timeout of " + queue
                    + " (sqs:GetQueueAttributes): " + SqsErrors.summary(e) + "; using " + fallback.toSeconds() + "s");
            return fallback;
        }
    }
}
