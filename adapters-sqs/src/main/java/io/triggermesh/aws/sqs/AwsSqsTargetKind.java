package io.triggermesh.aws.sqs;

import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.api.Shown;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code AWSSQSTarget}: an HTTP CloudEvents receiver that sends every event to the queue as a message and replies with
 * a result event. No AWS resources are managed.
 *
 * <p>Alike in shape to the other kinds (AwsS3TargetKind most): each implements the SPI's {@code ConnectorKind} the
 * same way, and what they could share (the descriptor builder, ARN checks, permission templates) already lives in
 * the SPI; what remains is each kind's own data.
 */
public final class AwsSqsTargetKind implements ConnectorKind<AwsSqsTargetSpec> {

    public static final String KIND = "AWSSQSTarget";
    public static final String PLURAL = "awssqstargets";
    /** The type of the event the adapter replies with. */
    public static final String RESULT_EVENT_TYPE = "io.triggermesh.targets.aws.sqs.result";
    /** The port the adapter receives CloudEvents on. */
    public static final int HTTP_PORT = 8080;

    /**
     * GetQueueUrl to resolve the queue, SendMessage to send (AWS authorises SendMessageBatch as sqs:SendMessage; moto
     * alone wants the batch name, which the moto proof adds). A queue encrypted with a customer managed KMS key also
     * needs kms:GenerateDataKey and kms:Decrypt on that key, which the spec cannot know: add them by hand.
     */
    public static final IamPermission SEND_MESSAGES = IamPermission.of("SqsTargetSendMessages",
            List.of("sqs:SendMessage", "sqs:GetQueueUrl"), AwsSqsSourceKind.QUEUE_RESOURCE);

    /** SQS's rule for MessageGroupId: 1 to 128 ASCII letters, digits and punctuation. */
    private static final Pattern MESSAGE_GROUP_ID = Pattern.compile("[\\p{Alnum}\\p{Punct}]{1,128}");

    private final KindDescriptor<AwsSqsTargetSpec> descriptor;
    private final String image;

    public AwsSqsTargetKind(String image) {
        this.image = Objects.requireNonNull(image, "image");
        this.descriptor = KindDescriptor.builder(Role.TARGET, KIND, AwsSqsTargetSpec.class)
                .plural(PLURAL)
                .accepts("*")
                .emits(RESULT_EVENT_TYPE)
                .adapterPermission(SEND_MESSAGES)
                .build();
    }

    @Override
    public KindDescriptor<AwsSqsTargetSpec> descriptor() {
        return descriptor;
    }

    @Override
    public List<Problem> validate(AwsSqsTargetSpec spec) {
        List<Problem> problems = new ArrayList<>();
        QueueArn.problem(spec.arn(), KIND).ifPresent(m -> problems.add(new Problem("spec.arn", m)));
        messageGroupProblem(spec).ifPresent(m -> problems.add(new Problem("spec.messageGroupId", m)));
        return problems;
    }

    /** {@code partition}, {@code region}, {@code account} and {@code queueName} from the queue ARN. */
    @Override
    public Map<String, String> permissionValues(ObjectContext<AwsSqsTargetSpec> object) {
        return QueueArn.parse(object.spec().arn()).map(AwsSqsSourceKind::values).orElse(Map.of());
    }

    @Override
    public AdapterWorkload adapter(ObjectContext<AwsSqsTargetSpec> object) {
        AwsSqsTargetSpec spec = object.spec();
        Map<String, String> env = new HashMap<>();
        env.put(SqsAdapterEnv.ARN, spec.arn());
        env.put(SqsAdapterEnv.DISCARD_CLOUDEVENT_CONTEXT, Boolean.toString(spec.discardsCloudEventContext()));
        if (spec.messageGroupId() != null) {
            env.put(SqsAdapterEnv.MESSAGE_GROUP_ID, spec.messageGroupId());
        }
        return AdapterWorkload.target(image, env, HTTP_PORT);
    }

    private static Optional<String> messageGroupProblem(AwsSqsTargetSpec spec) {
        String group = spec.messageGroupId();
        if (group == null) {
            return QueueArn.parse(spec.arn()).filter(QueueArn::isFifo).map(queue -> "is required because "
                    + queue.name() + " is a FIFO queue: set a message group id, for example messageGroupId: "
                    + "default");
        }
        if (!MESSAGE_GROUP_ID.matcher(group).matches()) {
            return Optional.of(Shown.quoted(group) + " is not a message group id: use 1 to 128 ASCII letters, digits and"
                    + " punctuation, without spaces");
        }
        return Optional.empty();
    }
}
