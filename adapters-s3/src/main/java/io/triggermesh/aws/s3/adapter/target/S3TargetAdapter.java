package io.triggermesh.aws.s3.adapter.target;

import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AdapterConfigException;
import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;
import io.triggermesh.aws.adapter.http.CloudEventReceiver;
import io.triggermesh.aws.s3.AwsS3TargetKind;
import io.triggermesh.aws.s3.S3AdapterEnv;
import io.triggermesh.aws.s3.api.BucketArn;
import java.io.IOException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWSS3Target adapter: an HTTP CloudEvents receiver (binary and structured mode) writing every event to the
 * bucket ({@link S3TargetHandler}).
 *
 * <p>Environment: {@code ARN} (the bucket), {@code DISCARD_CLOUDEVENT_CONTEXT}, the credential and endpoint
 * variables, and {@code PORT} (default {@value AwsS3TargetKind#HTTP_PORT}).
 */
public final class S3TargetAdapter implements KindAdapter {

    private static final System.Logger LOG = System.getLogger(S3TargetAdapter.class.getName());

    @Override
    public String kind() {
        return AwsS3TargetKind.KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) throws IOException {
        AdapterConfig config = context.config();
        String specArn = config.required(S3AdapterEnv.ARN, "the ARN of the S3 bucket (spec.arn)");
        BucketArn bucket = BucketArn.parse(specArn).orElseThrow(() -> new AdapterConfigException(S3AdapterEnv.ARN,
                "is not an S3 bucket ARN such as " + BucketArn.EXAMPLE));
        boolean discard = config.bool(S3AdapterEnv.DISCARD_CLOUDEVENT_CONTEXT, false);
        int port = config.port(AwsS3TargetKind.HTTP_PORT);
        // The bucket's region when the ARN names it, else the adapter's; a wrong guess is followed by S3's redirect.
        Region region = bucket.knownRegion().map(Region::of).orElse(config.endpoints().region());
        boolean customEndpoint = config.endpoints().endpointFor("s3").isPresent();
        S3Client s3 = context.aws().client(S3Client.builder().forcePathStyle(customEndpoint)
                .crossRegionAccessEnabled(true), "s3", region);
        S3TargetHandler handler = new S3TargetHandler(bucket, specArn, discard, new S3ObjectStore(s3, bucket));
        CloudEventReceiver receiver = CloudEventReceiver.builder(handler).host(config.bindAddress()).port(port)
                .health(context.aws()::credentialsProblem).start();
        LOG.log(System.Logger.Level.INFO, () -> "writing events to bucket " + bucket.bucket() + " ("
                + (discard ? "data only" : "whole events") + "), listening on port " + receiver.port());
        return receiver;
    }
}
