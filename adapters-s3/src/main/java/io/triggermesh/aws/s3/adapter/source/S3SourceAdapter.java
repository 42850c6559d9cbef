package io.triggermesh.aws.s3.adapter.source;

import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AdapterConfigException;
import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;
import io.triggermesh.aws.adapter.polling.ConsumerStats;
import io.triggermesh.aws.adapter.polling.QueueConsumer;
import io.triggermesh.aws.adapter.polling.QueueConsumerSettings;
import io.triggermesh.aws.adapter.queues.QueueUrls;
import io.triggermesh.aws.adapter.sink.CloudEventSender;
import io.triggermesh.aws.s3.AwsS3SourceKind;
import io.triggermesh.aws.s3.S3AdapterEnv;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.spi.api.QueueArn;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWSS3Source adapter: consumes the source's queue ({@code QUEUE_ARN}: the controller-managed queue or the
 * user's) with the shared SQS engine and sends every S3 event to {@code K_SINK} as a CloudEvent
 * ({@link S3SourceMessages}). The engine deletes a message only once the sink accepted all its events.
 *
 * <p>Environment: {@code ARN} (the bucket, as in {@code spec.arn}), {@code QUEUE_ARN}, {@code K_SINK}, the
 * credential and endpoint variables, and the engine's optional tuning ({@link QueueConsumerSettings#fromConfig};
 * {@value #DEFAULT_POLLERS} pollers by default, see {@link #settings}).
 */
public final class S3SourceAdapter implements KindAdapter {

    /** The IAM action used to find the queue; named when it is denied. */
    static final String GET_QUEUE_URL = "sqs:GetQueueUrl";
    /** Pollers when {@code SQS_POLLERS} is not set. */
    public static final int DEFAULT_POLLERS = 4;

    private static final System.Logger LOG = System.getLogger(S3SourceAdapter.class.getName());

    private volatile QueueConsumer consumer;

    /** The engine's counters since {@link #start}; empty before. For the benchmark and operators' diagnostics. */
    public Optional<ConsumerStats> stats() {
        return Optional.ofNullable(consumer).map(QueueConsumer::stats);
    }

    @Override
    public String kind() {
        return AwsS3SourceKind.KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) {
        AdapterConfig config = context.config();
        String specArn = config.required(S3AdapterEnv.ARN, "the ARN of the S3 bucket (spec.arn)");
        BucketArn bucket = BucketArn.parse(specArn).orElseThrow(() -> new AdapterConfigException(S3AdapterEnv.ARN,
                "is not an S3 bucket ARN such as " + BucketArn.EXAMPLE));
        QueueArn queue = queueArn(config);
        SqsClient sqs = context.aws().sqs(Region.of(queue.region()));
        String queueUrl = queueUrl(sqs, queue);
        CloudEventSender sender = CloudEventSender.create(config.sink(), config.sinkTimeout());
        QueueConsumer consumer = QueueConsumer.builder(sqs, queueUrl, queue.toString(),
                        new S3SourceMessages(bucket, specArn), sender)
                .settings(settings(config))
                .onStop(context.aws()::stopLongPolls)
                .build();
        consumer.start();
        this.consumer = consumer;
        LOG.log(System.Logger.Level.INFO, () -> "delivering events of bucket " + bucket.bucket() + " from "
                + queue + " to " + sender.describeSink());
        return () -> {
            try {
                consumer.close();
            } finally {
                sender.close();
            }
        };
    }

    /**
     * The engine's settings from the environment, with {@value #DEFAULT_POLLERS} pollers unless
     * {@code SQS_POLLERS} says otherwise: with the engine's default of two, receiving was the bottleneck in the
     * benchmark (docs/benchmarks.md: 0.79 of the raw loop's throughput with two pollers, 0.95 with four), and an
     * idle poller costs three receives a minute.
     */
    static QueueConsumerSettings settings(AdapterConfig config) {
        QueueConsumerSettings settings = QueueConsumerSettings.fromConfig(config);
        if (config.optional(QueueConsumerSettings.POLLERS).isPresent()) {
            return settings;
        }
        QueueConsumerSettings more = settings.withConcurrency(DEFAULT_POLLERS, settings.senders());
        return config.optional(QueueConsumerSettings.MAX_IN_FLIGHT).isPresent()
                ? more.withMaxInFlight(settings.maxInFlight()) : more;
    }

    private static QueueArn queueArn(AdapterConfig config) {
        String raw = config.required(S3AdapterEnv.QUEUE_ARN, "the ARN of the queue S3 delivers the notifications to"
                + " (set by the controller once it created the queue)");
        return QueueArn.parse(raw)
                .orElseThrow(() -> new AdapterConfigException(S3AdapterEnv.QUEUE_ARN,
                        "is not an SQS queue ARN with region and account, such as"
                                + " arn:aws:sqs:us-east-1:123456789012:my-queue"));
    }

    /** The queue's URL from SQS itself (never built from strings), also for a queue in another account. */
    private static String queueUrl(SqsClient sqs, QueueArn queue) {
        try {
            return new QueueUrls(sqs, queue, Optional.empty()).resolveOnce();
        } catch (AwsServiceException e) {
            String reason = e.statusCode() == 403 ? "access denied: grant " + GET_QUEUE_URL + " (and"
                    + " sqs:ReceiveMessage, sqs:DeleteMessage, sqs:ChangeMessageVisibility) on the queue to the"
                    + " adapter's identity" : e.awsErrorDetails() == null ? "HTTP " + e.statusCode()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            throw new IllegalStateException(GET_QUEUE_URL + " for " + queue + " failed: " + reason, e);
        } catch (SdkException e) {
            throw new IllegalStateException(GET_QUEUE_URL + " for " + queue + " failed: " + e.getMessage(), e);
        }
    }
}
