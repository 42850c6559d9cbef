package io.triggermesh.aws.s3.api;

/**
 * The status fields of an {@code AWSS3Source} that the kind's resource hook publishes and the kind reads back: here,
 * where both the kind and its resources package can use them without depending on each other.
 */
public final class S3SourceStatus {

    /** The ARN of the queue in use, published by the resource hook. */
    public static final String QUEUE_ARN = "queueARN";
    /** The bucket whose notifications the last ensure set up, so a later change of bucket can release it. */
    public static final String BUCKET_ARN = "bucketARN";

    private S3SourceStatus() {
    }
}
