package io.triggermesh.aws.s3.adapter.target;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.http.EventHandler;
import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.s3.api.BucketArn;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Writes each event received to the bucket ({@link ObjectKeys} for the key, {@link ObjectBody} for the content) and
 * answers with the result event, or with a status that tells the sender whether to retry ({@link PutFailures}).
 */
public final class S3TargetHandler implements EventHandler {

    private static final System.Logger LOG = System.getLogger(S3TargetHandler.class.getName());

    private final BucketArn bucket;
    private final URI source;
    private final boolean discardContext;
    private final ObjectStore store;

    /**
     * @param bucket the target's bucket
     * @param specArn {@code spec.arn} as written, the result events' source
     * @param discardContext store only the data ({@code discardCloudEventContext})
     * @param store where objects go
     */
    public S3TargetHandler(BucketArn bucket, String specArn, boolean discardContext, ObjectStore store) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.source = URI.create(specArn);
        this.discardContext = discardContext;
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public TargetReply handle(CloudEvent event) {
        ObjectKeys.KeyChoice choice = ObjectKeys.keyFor(event);
        if (choice instanceof ObjectKeys.KeyChoice.Unsafe unsafe) {
            return TargetReply.failure(400, "UnsafeObjectKey", "the event's subject cannot be an object key: it "
                    + unsafe.reason() + "; send a relative key without '.' or '..' segments or control characters,"
                    + " at most " + ObjectKeys.MAX_KEY_BYTES + " bytes, or no subject to get <type>/<source>/<id>");
        }
        String key = ((ObjectKeys.KeyChoice.Key) choice).key();
        ObjectStore.Stored stored;
        try {
            stored = store.put(key, ObjectBody.of(event, discardContext));
        } catch (SdkException e) {
            TargetReply.Failure failure = PutFailures.reply(bucket, e);
            LOG.log(failure.retryable() ? System.Logger.Level.WARNING : System.Logger.Level.ERROR,
                    () -> "event " + event.getId() + " from " + event.getSource() + " not written: " + failure.code()
                            + ": " + failure.message());
            return failure;
        }
        return TargetReply.result(ResultEvents.of(event, source, bucket.bucket(), key, stored));
    }
}
