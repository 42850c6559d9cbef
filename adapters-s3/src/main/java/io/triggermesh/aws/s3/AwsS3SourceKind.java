package io.triggermesh.aws.s3;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.s3.api.S3EventTypes;
import io.triggermesh.aws.s3.api.S3SourceStatus;
import io.triggermesh.aws.s3.resources.QueueNames;
import io.triggermesh.aws.s3.resources.S3SourceResources;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.ResourceOutcome;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.api.QueueArn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AWSS3Source}: S3 bucket notifications, delivered to an SQS queue, turned into CloudEvents by an adapter that
 * consumes the queue. The queue is managed by the controller ({@link QueueNames#forSource}) unless the spec names a
 * user-supplied one in {@code destination.sqs.queueARN}.
 */
public final class AwsS3SourceKind implements ConnectorKind<AwsS3SourceSpec> {

    public static final String KIND = "AWSS3Source";
    public static final String PLURAL = "awss3sources";

    static final String QUEUE_RESOURCE = "arn:${partition}:sqs:${region}:${account}:${queueName}";
    static final String BUCKET_RESOURCE = "arn:${partition}:s3:::${bucket}";

    /**
     * What the adapter needs: the three actions of the original TriggerMesh credentials guide, plus sqs:ChangeMessageVisibility, with which the shared SQS
     * engine extends the visibility of slow deliveries (so they are not delivered twice) and makes a message the sink
     * could not take visible again after its Retry-After (instead of after the whole visibility timeout). It deletes
     * with DeleteMessageBatch and extends with ChangeMessageVisibilityBatch, which AWS authorises as
     * sqs:DeleteMessage and sqs:ChangeMessageVisibility; moto alone wants the batch actions' own names (see
     * docs/testing.md), so the moto proof adds them there rather than widening the real policy.
     */
    public static final IamPermission CONSUME_MESSAGES = IamPermission.of("S3SourceConsumeMessages",
            List.of("sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"),
            QUEUE_RESOURCE);
    /** What the controller needs on the bucket to subscribe the queue (the original guide's statement, scoped to one bucket). */
    public static final IamPermission MANAGE_NOTIFICATIONS = IamPermission.of("S3SourceGetBucketLocation",
            List.of("s3:GetBucketLocation", "s3:GetBucketNotification", "s3:PutBucketNotification"),
            BUCKET_RESOURCE);
    /**
     * What the controller needs to manage the source's own queue (the original guide's statement, scoped to that queue). Only
     * when no user-supplied queue is given. moto checks sqs:CreateQueue and sqs:GetQueueUrl against resource "*",
     * AWS against the queue's ARN; the moto proof accounts for that.
     */
    public static final IamPermission MANAGE_QUEUE = IamPermission.of("S3SourceManageQueue",
            List.of("sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes",
                    "sqs:GetQueueUrl", "sqs:ListQueueTags", "sqs:TagQueue"),
            QUEUE_RESOURCE);

    private final KindDescriptor<AwsS3SourceSpec> descriptor;
    private final String image;

    public AwsS3SourceKind(String image) {
        this.image = Objects.requireNonNull(image, "image");
        this.descriptor = KindDescriptor.builder(Role.SOURCE, KIND, AwsS3SourceSpec.class)
                .plural(PLURAL)
                .emits(S3EventTypes.CLOUD_EVENT_TYPES.toArray(String[]::new))
                .adapterPermission(CONSUME_MESSAGES)
                .controllerPermission(MANAGE_NOTIFICATIONS)
                .controllerPermission(MANAGE_QUEUE)
                .build();
    }

    @Override
    public KindDescriptor<AwsS3SourceSpec> descriptor() {
        return descriptor;
    }

    @Override
    public List<Problem> validate(AwsS3SourceSpec spec) {
        return AwsS3SourceValidator.problems(spec);
    }

    /**
     * The controller statements that apply to one object: with a user-supplied queue the controller only subscribes
     * it to the bucket and never touches the queue, so {@link #MANAGE_QUEUE} is left out. Templates, resolved with
     * {@link #permissionValues}.
     */
    @Override
    public List<IamPermission> controllerPermissions(ObjectContext<AwsS3SourceSpec> object) {
        return object.spec().destinationQueueArn().isPresent()
                ? List.of(MANAGE_NOTIFICATIONS)
                : descriptor.controllerPermissions();
    }

    /**
     * {@code partition} and {@code bucket} from the bucket ARN; {@code region}, {@code account} and
     * {@code queueName} of the queue: the user-supplied queue's ARN, else the managed queue's name with the region and
     * account from its published ARN or, before that exists, from the bucket ARN (S3 only delivers to queues in the
     * bucket's region). Values the object does not determine are left out and render as {@code *}.
     */
    @Override
    public Map<String, String> permissionValues(ObjectContext<AwsS3SourceSpec> object) {
        Map<String, String> values = new HashMap<>();
        Optional<BucketArn> bucket = BucketArn.parse(object.spec().arn());
        bucket.ifPresent(b -> {
            values.put("partition", b.partition());
            values.put("bucket", b.bucket());
            b.knownRegion().ifPresent(region -> values.put("region", region));
            b.knownAccountId().ifPresent(account -> values.put("account", account));
        });
        Optional<String> userQueue = object.spec().destinationQueueArn();
        Optional<QueueArn> queue = userQueue.isPresent()
                ? userQueue.flatMap(QueueArn::parse)
                : Optional.ofNullable(object.status().get(S3SourceStatus.QUEUE_ARN)).flatMap(QueueArn::parse);
        queue.ifPresentOrElse(arn -> {
            values.put("partition", arn.partition());
            values.put("region", arn.region());
            values.put("account", arn.accountId());
            values.put("queueName", arn.name());
        }, () -> {
            if (userQueue.isEmpty()) {
                values.put("queueName", QueueNames.forSource(object.namespace(), object.name()));
            }
        });
        return Map.copyOf(values);
    }

    /**
     * Ensures the source's queue (unless the user supplied one) and its bucket notification entry; publishes
     * {@value S3SourceStatus#QUEUE_ARN}. See {@link S3SourceResources}.
     */
    @Override
    public ResourceOutcome ensureResources(ObjectContext<AwsS3SourceSpec> object, AwsAccess aws) {
        return S3SourceResources.ensure(object, aws);
    }

    /** Removes the source's notification entry and its own queue; never a user-supplied queue. */
    @Override
    public void cleanupResources(ObjectContext<AwsS3SourceSpec> object, AwsAccess aws) {
        S3SourceResources.cleanup(object, aws);
    }

    /**
     * The bucket ARN and the queue to consume: the user-supplied queue, else the managed queue published in
     * {@value S3SourceStatus#QUEUE_ARN} by {@link #ensureResources} (which the controller runs before this).
     */
    @Override
    public AdapterWorkload adapter(ObjectContext<AwsS3SourceSpec> object) {
        Map<String, String> env = new HashMap<>();
        env.put(S3AdapterEnv.ARN, object.spec().arn());
        object.spec().destinationQueueArn()
                .or(() -> Optional.ofNullable(object.status().get(S3SourceStatus.QUEUE_ARN)).filter(a -> !a.isBlank()))
                .ifPresent(queue -> env.put(S3AdapterEnv.QUEUE_ARN, queue));
        return AdapterWorkload.source(image, env);
    }
}
