package io.triggermesh.aws.sqs.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;
import io.triggermesh.aws.spi.api.QueueArn;

/**
 * {@code spec} of an {@code AWSSQSTarget}: every CloudEvent received becomes a message in the queue.
 *
 * @param arn the queue's ARN
 * @param messageGroupId the message group of every message; required for FIFO queues
 * @param discardCloudEventContext send only the event's data instead of the whole event as JSON
 *
 * <p>{@code auth} and {@code adapterOverrides} are the controller's (SharedSpecFields), not declared here.
 *
 * <p>Its {@code arn} is declared as {@link AwsSqsSourceSpec}'s; the two stay separate records because each kind's CRD
 * schema is generated from its own spec type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("every CloudEvent it receives becomes a message in an SQS queue.")
public record AwsSqsTargetSpec(
        @JsonPropertyDescription(AwsSqsSourceSpec.ARN_DESCRIPTION)
        @FieldSchema(required = true, pattern = QueueArn.PATTERN)
        String arn,
        @JsonPropertyDescription("Message group id of the messages sent. Required for FIFO queues (names ending in"
                + " .fifo); up to 128 letters, digits and punctuation.")
        String messageGroupId,
        @JsonPropertyDescription("Send only the event's data instead of the whole CloudEvent as JSON. Default false.")
        Boolean discardCloudEventContext) {

    /** Whether only the data is sent. */
    public boolean discardsCloudEventContext() {
        return Boolean.TRUE.equals(discardCloudEventContext);
    }
}
