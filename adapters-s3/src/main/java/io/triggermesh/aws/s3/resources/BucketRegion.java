package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.spi.AwsResourceException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The region a bucket lives in: from its ARN when the user wrote it there, else from GetBucketLocation. S3 delivers
 * notifications only to queues in the bucket's region, so the managed queue is created there.
 */
final class BucketRegion {

    static final String GET_LOCATION = "s3:GetBucketLocation";

    private BucketRegion() {
    }

    /** The bucket's region; a missing bucket is a permanent failure. */
    static String of(BucketArn bucket, S3Client s3) {
        return bucket.knownRegion().orElseGet(() -> AwsCalls.call(GET_LOCATION, "bucket " + bucket.bucket(), () -> {
            try {
                String constraint = s3.getBucketLocation(r -> r.bucket(bucket.bucket())
                        .expectedBucketOwner(bucket.knownAccountId().orElse(null))).locationConstraintAsString();
                return fromLocationConstraint(constraint);
            } catch (AwsServiceException e) {
                if (BucketNotifications.isNoSuchBucket(e)) {
                    throw AwsResourceException.permanent("bucket " + bucket.bucket() + " does not exist; create it"
                            + " or correct spec.arn", e);
                }
                throw e;
            }
        }));
    }

    /** The bucket's region, or empty when the bucket no longer exists (cleanup). */
    static Optional<String> ofExisting(BucketArn bucket, S3Client s3) {
        try {
            return Optional.of(of(bucket, s3));
        } catch (AwsResourceException e) {
            if (e.getCause() instanceof AwsServiceException cause && BucketNotifications.isNoSuchBucket(cause)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * GetBucketLocation's answer as a region: buckets in us-east-1 have no location constraint, and the oldest
     * buckets in eu-west-1 report {@code EU}.
     */
    static String fromLocationConstraint(String constraint) {
        if (constraint == null || constraint.isBlank() || constraint.equals("null")) {
            return "us-east-1";
        }
        return constraint.equals("EU") ? "eu-west-1" : constraint;
    }
}
