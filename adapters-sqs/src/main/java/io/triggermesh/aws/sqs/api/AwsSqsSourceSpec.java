package io.triggermesh.aws.sqs.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.spi.api.Redaction;
import io.triggermesh.aws.spi.api.Sink;
import java.util.Optional;

/**
 * {@code spec} of an {@code AWSSQSSource}: messages of an SQS queue as CloudEvents. No AWS resources are managed.
 *
 * @param arn the queue's ARN
 * @param receiveOptions how messages are received
 * @param messageProcessor {@code default}, {@code s3} or {@code eventbridge} ({@link MessageProcessor})
 * @param endpoint an SQS-compatible endpoint instead of AWS's
 * @param queueOwnerAccountId the account owning the queue, when it is not the caller's (an extension of the original
 *     API); must agree with the account in {@code arn}
 *
 * <p>{@code auth}, {@code sink} and {@code adapterOverrides} are the controller's (SharedSpecFields), not declared here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("the messages of an SQS queue become CloudEvents.")
public record AwsSqsSourceSpec(
        @JsonPropertyDescription(AwsSqsSourceSpec.ARN_DESCRIPTION)
        @FieldSchema(required = true, pattern = QueueArn.PATTERN)
        String arn,
        @JsonPropertyDescription("How messages are received from the queue.")
        ReceiveOptions receiveOptions,
        @JsonPropertyDescription("How messages become CloudEvents: default (one event per message), s3 (S3 event"
                + " notifications) or eventbridge (EventBridge events). Default: default.")
        @FieldSchema(allowed = {"default", "s3", "eventbridge"})  // MessageProcessor.jsonNames() (a test checks)
        String messageProcessor,
        @JsonPropertyDescription("An SQS-compatible endpoint to use instead of AWS's (for example ElasticMQ or a VPC"
                + " endpoint).")
        Endpoint endpoint,
        @JsonPropertyDescription("Account id (12 digits) owning the queue, for a queue in another account. Optional:"
                + " the account in arn is used when omitted; when set it must equal it.")
        @FieldSchema(pattern = "^[0-9]{12}$")
        String queueOwnerAccountId) {

    /** {@code spec.arn} of both SQS kinds: the same queue ARN, described once. */
    static final String ARN_DESCRIPTION = "ARN of the SQS queue, for example " + QueueArn.EXAMPLE + ".";

    /** The processor the spec selects; empty when {@code messageProcessor} names none (a validation problem). */
    public Optional<MessageProcessor> processor() {
        return MessageProcessor.fromJson(messageProcessor);
    }

    /**
     * {@code spec.receiveOptions}.
     *
     * @param visibilityTimeout how long a received message stays hidden from other consumers, as a Go duration
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiveOptions(
            @JsonPropertyDescription("How long a received message stays invisible to other receivers while it is"
                    + " being delivered, as a duration such as 30s or 5m (0s to 12h, whole seconds). Default: the"
                    + " queue's own visibility timeout.")
            String visibilityTimeout) {
    }

    /**
     * {@code spec.endpoint}.
     *
     * @param url the endpoint's http(s) URL
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoint(
            @JsonPropertyDescription("http(s) URL of the SQS-compatible endpoint, for example"
                    + " http://elasticmq.default.svc:9324.")
            @FieldSchema(required = true, pattern = Sink.URI_PATTERN)
            String url) {

        /** The URL without any user info, which may hold a password. */
        @Override
        public String toString() {
            return "Endpoint[url=" + Redaction.uriWithoutUserInfo(url) + "]";
        }
    }
}
