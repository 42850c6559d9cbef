package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.spi.AwsResourceException;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

/**
 * Reads and writes one bucket's notification configuration, changing only one source's entry. When the bucket ARN
 * names the owner account, every call carries it as the expected bucket owner, so a bucket of the same name in
 * another account is never written to.
 *
 * <p>S3 has no conditional write for this document: a change made by someone else between our read and our write
 * is lost. The window is one round trip, and the next pass of the other writer restores its entry.
 */
final class BucketNotifications {

    static final String GET = "s3:GetBucketNotification";
    static final String PUT = "s3:PutBucketNotification";

    private final S3Client s3;
    private final BucketArn bucket;

    BucketNotifications(S3Client s3, BucketArn bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The current configuration; a missing bucket is a permanent failure. */
    GetBucketNotificationConfigurationResponse read() {
        return AwsCalls.call(GET, describe(), () -> {
            try {
                return s3.getBucketNotificationConfiguration(r -> r.bucket(bucket.bucket())
                        .expectedBucketOwner(bucket.knownAccountId().orElse(null)));
            } catch (AwsServiceException e) {
                throw missingBucket(e).map(RuntimeException.class::cast).orElse(e);
            }
        });
    }

    /** The current configuration, or empty when the bucket no longer exists. */
    Optional<GetBucketNotificationConfigurationResponse> readIfBucketExists() {
        try {
            return Optional.of(read());
        } catch (AwsResourceException e) {
            if (e.getCause() instanceof AwsServiceException cause && isNoSuchBucket(cause)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Makes the bucket hold {@code wanted}; writes only when it does not yet. Returns whether it wrote. */
    boolean ensure(GetBucketNotificationConfigurationResponse current, QueueConfiguration wanted) {
        Optional<NotificationConfiguration> update = NotificationEntries.withEntry(current, wanted);
        update.ifPresent(this::write);
        return update.isPresent();
    }

    /** Removes the entry {@code id}, if the bucket still exists and has it. Returns whether it wrote. */
    boolean remove(String id) {
        Optional<NotificationConfiguration> update = readIfBucketExists()
                .flatMap(current -> NotificationEntries.withoutEntry(current, id));
        update.ifPresent(this::write);
        return update.isPresent();
    }

    private void write(NotificationConfiguration configuration) {
        AwsCalls.call(PUT, describe(), () -> {
            try {
                return s3.putBucketNotificationConfiguration(r -> r.bucket(bucket.bucket())
                        .expectedBucketOwner(bucket.knownAccountId().orElse(null))
                        .notificationConfiguration(configuration));
            } catch (AwsServiceException e) {
                throw missingBucket(e).or(() -> rejectedConfiguration(e)).map(RuntimeException.class::cast)
                        .orElse(e);
            }
        });
    }

    private Optional<AwsResourceException> missingBucket(AwsServiceException e) {
        if (!isNoSuchBucket(e)) {
            return Optional.empty();
        }
        return Optional.of(AwsResourceException.permanent("bucket " + bucket.bucket() + " does not exist"
                + bucket.knownAccountId().map(a -> " in account " + a).orElse("")
                + "; create it or correct spec.arn", e));
    }

    /** S3's two common refusals, explained in terms of what the user can change. */
    private Optional<AwsResourceException> rejectedConfiguration(AwsServiceException e) {
        String message = Optional.ofNullable(e.awsErrorDetails()).map(d -> d.errorMessage()).orElse("");
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("overlap") || lower.contains("ambiguously defined")) {
            return Optional.of(AwsResourceException.permanent("S3 refused the notification configuration of"
                    + " bucket " + bucket.bucket() + ": another configuration on the bucket already receives some of"
                    + " these event types, and S3 does not deliver one event to two destinations (" + message
                    + "); choose eventTypes no other subscriber of this bucket uses", e));
        }
        if (lower.contains("unable to validate")) {
            return Optional.of(AwsResourceException.permanent("S3 could not deliver to the queue of bucket "
                    + bucket.bucket() + " (" + message + "); the queue's access policy must let s3.amazonaws.com"
                    + " send messages with aws:SourceArn " + bucket.iamArn(), e));
        }
        return Optional.empty();
    }

    static boolean isNoSuchBucket(AwsServiceException e) {
        return AwsCalls.errorCode(e).filter("NoSuchBucket"::equals).isPresent();
    }

    private String describe() {
        return "bucket " + bucket.bucket();
    }
}
