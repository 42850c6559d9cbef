package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.s3.api.S3SourceStatus;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.ResourceOutcome;
import io.triggermesh.aws.spi.api.QueueArn;
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

    private static final System.Logger LOG = System.getLogger(S3SourceResources.class.getName());

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
            releasePrevious(object, owner, queueArn, aws);
            return new ResourceOutcome(Map.of(S3SourceStatus.QUEUE_ARN, queueArn,
                    S3SourceStatus.BUCKET_ARN, object.spec().arn()));
        }
    }

    /**
     * After a spec change, what the source no longer uses: its notification entry on a bucket it left, and its own
     * queue when it now reads another one (a user-supplied queue, or its own queue in another region after a move
     * to a bucket elsewhere). Known from the status the previous ensure published; a user's queue is never touched.
     */
    private static void releasePrevious(ObjectContext<AwsS3SourceSpec> object, SourceOwner owner, String queueArn,
                                        AwsAccess aws) {
        String previousBucket = object.status().get(S3SourceStatus.BUCKET_ARN);
        if (previousBucket != null && !previousBucket.equals(object.spec().arn())) {
            BucketArn.parse(previousBucket).ifPresent(old -> bestEffort("its notification entry "
                    + owner.notificationId() + " on " + previousBucket, () -> removeEntry(old, owner, aws)));
        }
        String ownQueue = QueueNames.forSource(object.namespace(), object.name());
        Optional.ofNullable(object.status().get(S3SourceStatus.QUEUE_ARN))
                .filter(previous -> !previous.equals(queueArn))
                .flatMap(QueueArn::parse)
                .filter(previous -> previous.name().equals(ownQueue))
                .ifPresent(previous -> bestEffort("its own queue " + previous, () -> {
                    try (SqsClient sqs = ResourceClients.sqs(aws.withRegion(previous.region()))) {
                        new ManagedQueue(sqs, ownQueue, owner).deleteIfOwned();
                    }
                }));
    }

    /**
     * Releasing what a source left behind must not keep it from working where it is now: the object's identity may
     * no longer be allowed on the old bucket or queue (its policy follows the spec). Then a warning says what to
     * remove by hand.
     */
    private static void bestEffort(String what, Runnable release) {
        try {
            release.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "the source no longer uses " + what + " but could not remove"
                    + " it (" + e.getMessage() + "); remove it by hand");
        }
    }

    /** Removes the source's entry from {@code bucket} if the bucket exists; returns the bucket's region, if so. */
    private static Optional<String> removeEntry(BucketArn bucket, SourceOwner owner, AwsAccess aws) {
        Optional<String> region;
        try (S3Client s3 = ResourceClients.s3(aws)) {
            region = BucketRegion.ofExisting(bucket, s3);
        }
        region.ifPresent(r -> {
            try (S3Client s3 = ResourceClients.s3(aws.withRegion(r))) {
                new BucketNotifications(s3, bucket).remove(owner.notificationId());
            }
        });
        return region;
    }

    public static void cleanup(ObjectContext<AwsS3SourceSpec> object, AwsAccess aws) {
        SourceOwner owner = SourceOwner.of(object);
        BucketArn bucket = bucketOf(object);
        Optional<String> region = removeEntry(bucket, owner, aws);
        String previousBucket = object.status().get(S3SourceStatus.BUCKET_ARN);
        if (previousBucket != null && !previousBucket.equals(object.spec().arn())) {
            // Deleted right after a bucket change that was never ensured: the entry is still on the old bucket.
            BucketArn.parse(previousBucket).ifPresent(old -> removeEntry(old, owner, aws));
        }
        if (object.spec().destinationQueueArn().isPresent()) {
            return;
        }
        // The queue lives where the published ARN says; without one (ensure never got that far), in the bucket's
        // region, or the controller's when the bucket is gone too.
        String queueRegion = Optional.ofNullable(object.status().get(S3SourceStatus.QUEUE_ARN))
                .flatMap(QueueArn::parse).map(QueueArn::region)
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
