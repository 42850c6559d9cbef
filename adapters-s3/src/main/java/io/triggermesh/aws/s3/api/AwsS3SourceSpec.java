package io.triggermesh.aws.s3.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;
import io.triggermesh.aws.spi.api.QueueArn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code spec} of an {@code AWSS3Source}: S3 bucket notifications, delivered through an SQS queue, as CloudEvents.
 *
 * @param arn the bucket's ARN, optionally with region and account
 * @param eventTypes the S3 event names to subscribe to ({@link S3EventTypes#ALL})
 * @param destination where S3 delivers the notifications; a queue the controller manages when omitted
 *
 * <p>{@code auth}, {@code sink} and {@code adapterOverrides} are the controller's (SharedSpecFields), not declared here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("S3 bucket notifications, delivered through an SQS queue, become CloudEvents.")
public record AwsS3SourceSpec(
        @JsonPropertyDescription("ARN of the S3 bucket, for example arn:aws:s3:::my-bucket. May include the bucket's"
                + " region and account: arn:aws:s3:us-west-2:123456789012:my-bucket.")
        @FieldSchema(required = true, pattern = BucketArn.PATTERN)
        String arn,
        @JsonPropertyDescription("S3 event types to subscribe to, for example s3:ObjectCreated:* or"
                + " s3:ObjectRemoved:Delete. At least one.")
        @FieldSchema(required = true, minItems = 1, allowed = {  // the same list as S3EventTypes.ALL (a test checks)
            "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete",
            "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*", "s3:ObjectRestore:Post",
            "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete", "s3:ReducedRedundancyLostObject",
            "s3:Replication:*", "s3:Replication:OperationFailedReplication",
            "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
            "s3:Replication:OperationNotTracked", "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete",
            "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:LifecycleTransition", "s3:IntelligentTiering",
            "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete", "s3:ObjectAcl:Put",
            "s3:ObjectAnnotation:*", "s3:ObjectAnnotation:Put", "s3:ObjectAnnotation:Delete"})
        List<String> eventTypes,
        @JsonPropertyDescription("Where S3 delivers the notifications. When omitted, the controller creates and"
                + " manages an SQS queue for this source.")
        Destination destination) {

    public AwsS3SourceSpec {
        // Not List.copyOf: a null entry must reach validation, which reports it at its index.
        eventTypes = eventTypes == null ? null : Collections.unmodifiableList(new ArrayList<>(eventTypes));
    }

    /** The user-supplied queue's ARN, when the spec names one. */
    public Optional<String> destinationQueueArn() {
        return Optional.ofNullable(destination).map(Destination::sqs).map(SqsDestination::queueARN);
    }


    /**
     * {@code spec.destination}.
     *
     * @param sqs a queue the user owns
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Destination(
            @JsonPropertyDescription("An SQS queue the user owns. The controller never creates, changes or deletes it.")
            @FieldSchema(required = true)
            SqsDestination sqs) {
    }

    /**
     * {@code spec.destination.sqs}.
     *
     * @param queueARN the queue's ARN, in the bucket's region
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SqsDestination(
            @JsonPropertyDescription("ARN of a standard (not FIFO) SQS queue in the bucket's region, whose policy lets"
                    + " s3.amazonaws.com send messages, for example arn:aws:sqs:us-west-2:123456789012:my-queue.")
            @FieldSchema(required = true, pattern = SqsDestination.QUEUE_ARN_PATTERN)
            String queueARN) {

        /** A standard (not FIFO) queue's ARN with region and account, as S3 requires. */
        public static final String QUEUE_ARN_PATTERN = QueueArn.STANDARD_PATTERN;
    }
}
