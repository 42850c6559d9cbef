package io.triggermesh.aws.sqs;

import io.triggermesh.aws.adapter.events.S3EventNotifications;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.MessageProcessor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code AWSSQSSource}: an adapter long-polls the queue and sends one CloudEvent per message (or per S3 record or
 * EventBridge event, depending on the message processor). No AWS resources are managed.
 */
public final class AwsSqsSourceKind implements ConnectorKind<AwsSqsSourceSpec> {

    public static final String KIND = "AWSSQSSource";
    public static final String PLURAL = "awssqssources";
    /** The CloudEvent type of the default message processor. */
    public static final String MESSAGE_EVENT_TYPE = "com.amazon.sqs.message";
    /** The CloudEvent type of the eventbridge message processor: every EventBridge event unwrapped. */
    public static final String EVENTBRIDGE_EVENT_TYPE = "com.amazon.events.event";

    static final String QUEUE_RESOURCE = "arn:${partition}:sqs:${region}:${account}:${queueName}";

    /**
     * The adapter resolves the URL (GetQueueUrl), reads the queue's attributes (GetQueueAttributes, for its default
     * visibility timeout), receives, deletes after delivery and extends the visibility of slow deliveries. AWS
     * authorises DeleteMessageBatch and ChangeMessageVisibilityBatch as the single-message actions; moto alone wants
     * the batch names, which the moto proof adds. A queue encrypted with a customer managed KMS key also needs
     * kms:Decrypt on that key, which the spec cannot know: add it by hand.
     */
    public static final IamPermission CONSUME_MESSAGES = IamPermission.of("SqsSourceConsumeMessages",
            List.of("sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                    "sqs:GetQueueAttributes"),
            QUEUE_RESOURCE);

    private final KindDescriptor<AwsSqsSourceSpec> descriptor;
    private final String image;

    public AwsSqsSourceKind(String image) {
        this.image = Objects.requireNonNull(image, "image");
        this.descriptor = KindDescriptor.builder(Role.SOURCE, KIND, AwsSqsSourceSpec.class)
                .plural(PLURAL)
                .emits(Arrays.stream(MessageProcessor.values()).flatMap(p -> eventTypes(p).stream())
                        .toArray(String[]::new))
                .adapterPermission(CONSUME_MESSAGES)
                .build();
    }

    /**
     * The CloudEvent types a message processor emits: {@value #MESSAGE_EVENT_TYPE} for {@code default}, the S3
     * event types an AWSS3Source emits for {@code s3}, {@value #EVENTBRIDGE_EVENT_TYPE} for {@code eventbridge}.
     */
    public static List<String> eventTypes(MessageProcessor processor) {
        return switch (processor) {
            case DEFAULT -> List.of(MESSAGE_EVENT_TYPE);
            case S3 -> S3EventNotifications.EVENT_TYPES;
            case EVENTBRIDGE -> List.of(EVENTBRIDGE_EVENT_TYPE);
        };
    }

    @Override
    public KindDescriptor<AwsSqsSourceSpec> descriptor() {
        return descriptor;
    }

    @Override
    public List<Problem> validate(AwsSqsSourceSpec spec) {
        return AwsSqsSourceValidator.problems(spec);
    }

    /** {@code partition}, {@code region}, {@code account} and {@code queueName} from the queue ARN. */
    @Override
    public Map<String, String> permissionValues(ObjectContext<AwsSqsSourceSpec> object) {
        return QueueArn.parse(object.spec().arn()).map(AwsSqsSourceKind::values).orElse(Map.of());
    }

    @Override
    public AdapterWorkload adapter(ObjectContext<AwsSqsSourceSpec> object) {
        AwsSqsSourceSpec spec = object.spec();
        Map<String, String> env = new HashMap<>();
        env.put(SqsAdapterEnv.ARN, spec.arn());
        env.put(SqsAdapterEnv.MESSAGE_PROCESSOR, spec.processor().orElse(MessageProcessor.DEFAULT).jsonName());
        if (spec.receiveOptions() != null) {
            AwsSqsSourceValidator.visibilityTimeoutSeconds(spec.receiveOptions().visibilityTimeout()).ifPresent(
                    seconds -> env.put(SqsAdapterEnv.VISIBILITY_TIMEOUT_SECONDS, Long.toString(seconds)));
        }
        if (spec.endpoint() != null && spec.endpoint().url() != null) {
            env.put(SqsAdapterEnv.AWS_ENDPOINT_URL_SQS, spec.endpoint().url());
        }
        if (spec.queueOwnerAccountId() != null) {
            env.put(SqsAdapterEnv.QUEUE_OWNER_ACCOUNT_ID, spec.queueOwnerAccountId());
        }
        return AdapterWorkload.source(image, env);
    }

    static Map<String, String> values(QueueArn queue) {
        return Map.of("partition", queue.partition(), "region", queue.region(), "account", queue.accountId(),
                "queueName", queue.name());
    }
}
