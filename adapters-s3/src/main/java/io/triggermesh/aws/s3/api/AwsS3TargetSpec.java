package io.triggermesh.aws.s3.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;

/**
 * {@code spec} of an {@code AWSS3Target}: every CloudEvent received becomes an object in the bucket.
 *
 * @param arn the bucket's ARN
 * @param discardCloudEventContext store only the event's data instead of the whole event as JSON
 *
 * <p>{@code auth} and {@code adapterOverrides} are the controller's (SharedSpecFields), not declared here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("every CloudEvent it receives becomes an object in an S3 bucket.")
public record AwsS3TargetSpec(
        @JsonPropertyDescription("ARN of the S3 bucket the objects are written to, for example arn:aws:s3:::my-bucket.")
        @FieldSchema(required = true, pattern = BucketArn.PATTERN)
        String arn,
        @JsonPropertyDescription("Store only the event's data instead of the whole CloudEvent as JSON. Default false.")
        Boolean discardCloudEventContext) {

    /** Whether only the data is stored. */
    public boolean discardsCloudEventContext() {
        return Boolean.TRUE.equals(discardCloudEventContext);
    }

}
