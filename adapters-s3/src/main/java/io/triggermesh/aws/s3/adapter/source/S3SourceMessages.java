package io.triggermesh.aws.s3.adapter.source;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.events.S3EventNotifications;
import io.triggermesh.aws.adapter.polling.MessageEvents;
import io.triggermesh.aws.adapter.polling.MessageHandler;
import io.triggermesh.aws.s3.api.BucketArn;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One SQS message of an AWSS3Source's queue as CloudEvents: the shared S3 notification mapping
 * ({@link S3EventNotifications}: one event per record, type {@code com.amazon.s3.<family>}, subject the decoded key,
 * data the record, an id derived from the record), with the source set to the bucket ARN exactly as written in
 * {@code spec.arn}. That is the source the controller announces in {@code status.ceAttributes}, so triggers that
 * filter on it match even when the ARN carries the bucket's region and account. Records of other buckets (a
 * user-supplied queue several buckets write to) keep their own bucket's ARN.
 */
public final class S3SourceMessages implements MessageHandler {

    private final BucketArn bucket;
    private final URI configuredSource;
    private final URI plainSource;

    /**
     * @param bucket the source's bucket
     * @param specArn {@code spec.arn} as written, the events' source
     */
    public S3SourceMessages(BucketArn bucket, String specArn) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.configuredSource = URI.create(specArn);
        this.plainSource = URI.create(bucket.iamArn());
    }

    @Override
    public MessageEvents handle(Message message) {
        String body = message.body();
        if (body == null || body.isBlank()) {
            return MessageEvents.failed("the message body is empty, so it is not an S3 event notification");
        }
        MessageEvents mapped = S3EventNotifications.toEvents(body, bucket.partition());
        if (mapped.isFailure()) {
            return mapped;
        }
        return MessageEvents.of(mapped.events().stream().map(this::withConfiguredSource).toList());
    }

    private CloudEvent withConfiguredSource(CloudEvent event) {
        if (plainSource.equals(event.getSource()) && !plainSource.equals(configuredSource)) {
            return CloudEventBuilder.from(event).withSource(configuredSource).build();
        }
        return event;
    }
}
