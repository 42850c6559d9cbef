package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.s3.AwsS3SourceKind;
import io.triggermesh.aws.s3.QueueNames;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.ResourceOutcome;
import io.triggermesh.aws.spi.api.Arn;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The resource hooks of {@code AWSS3Source}.
 *
 * <p>{@link #ensure}: find the bucket's region; read its notification configuration (a missing bucket stops here,
 * before anything is created); unless the user supplied a queue, ensure the source's own queue in that region with
 * its owner tags and a policy that lets only this bucket send; then upsert the source's one notification entry.
 * Publishes {@code queueARN}. A user-supplied queue is never created, changed or deleted.
 *
 * <p>{@link #cleanup}: remove the source's notification entry (if the bucket still exists) and delete the managed
 * queue if its owner tag says it is this object's. Everything already gone counts as done.
 */
public final class S3SourceResources {

    private S3SourceResources() {
    }

    public static ResourceOutcome ensure(ObjectContext<AwsS3SourceSpec> object, AwsAccess aws) {
        SourceOwner owner = SourceOwner.of(object);
        BucketArn bucket = bucketOf(object);
        String region;
        try (S3Client s3 = ResourceClients.s3(aws)) {
            region = BucketRegion.of(bucket, s3);
        }
        AwsAccess regional = aws.withRegion(region);
        try (S3Client s3 = ResourceClients.s3(regional)) {
            BucketNotifications notifications = new BucketNotifications(s3, bucket);
            GetBucketNotificationConfigurationResponse current = notifications.read();
            String queueArn = object.spec().destinationQueueArn()
                    .orElseGet(() -> ensureManagedQueue(object, owner, bucket, regional).arn());
            notifications.ensure(current, NotificationEntries.desired(owner.notificationId(), queueArn,
                    object.spec().eventTypes()));
            return new ResourceOutcome(Map.of(AwsS3SourceKind.STATUS_QUEUE_ARN, queueArn));
        }
    }

    public static void cleanup(ObjectContext<AwsS3SourceSpec> object, AwsAccess aws) {
        SourceOwner owner = SourceOwner.of(object);
        BucketArn bucket = bucketOf(object);
        Optional<String> region;
        try (S3Client s3 = ResourceClients.s3(aws)) {
            region = BucketRegion.ofExisting(bucket, s3);
        }
        region.ifPresent(r -> {
            try (S3Client s3 = ResourceClients.s3(aws.withRegion(r))) {
                new BucketNotifications(s3, bucket).remove(owner.notificationId());
            }
        });
        if (object.spec().destinationQueueArn().isPresent()) {
            return;
        }
        // The queue lives where the published ARN says; without one (ensure never got that far), in the bucket's
        // region, or the controller's when the bucket is gone too.
        String queueRegion = Optional.ofNullable(object.status().get(AwsS3SourceKind.STATUS_QUEUE_ARN))
                .flatMap(Arn::parse).map(Arn::region).filter(r -> !r.isEmpty())
                .or(() -> region).orElse(aws.region());
        try (SqsClient sqs = ResourceClients.sqs(aws.withRegion(queueRegion))) {
            new ManagedQueue(sqs, QueueNames.forSource(object.namespace(), object.name()), owner).deleteIfOwned();
        }
    }

    private static QueueRef ensureManagedQueue(ObjectContext<AwsS3SourceSpec> object, SourceOwner owner,
                                               BucketArn bucket, AwsAccess regional) {
        try (SqsClient sqs = ResourceClients.sqs(regional)) {
            ManagedQueue queue = new ManagedQueue(sqs, QueueNames.forSource(object.namespace(), object.name()), owner);
            return queue.ensure(arn -> new QueuePolicy(arn, bucket.iamArn(), bucket.knownAccountId()));
        }
    }

    private static BucketArn bucketOf(ObjectContext<AwsS3SourceSpec> object) {
        return BucketArn.parse(object.spec().arn()).orElseThrow(() -> AwsResourceException.permanent(
                "spec.arn is not a bucket ARN; fix the spec", null));
    }
}
