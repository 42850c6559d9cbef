package io.triggermesh.aws.s3;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The contract kit's emulator clients plus what only the S3 tests need: path-style S3 clients, buckets, and the
 * AWSS3Source objects the hooks are called with.
 */
final class EmulatorClients extends io.triggermesh.aws.testkit.adapter.EmulatorClients {

    EmulatorClients(AwsEmulator aws) {
        super(aws);
    }

    S3Client s3() {
        return s3(emulator().region());
    }

    S3Client s3(String region) {
        return client(S3Client.builder().forcePathStyle(true), region);
    }

    SqsClient sqs(String region) {
        return client(SqsClient.builder(), region);
    }

    /** Creates a bucket in {@code region}. */
    void createBucket(String bucket, String region) {
        S3Client s3 = s3(region);
        if (region.equals("us-east-1")) {
            s3.createBucket(b -> b.bucket(bucket));
        } else {
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(region)));
        }
    }

    /** An AWSS3Source object as the controller hands it to the hooks. */
    static ObjectContext<AwsS3SourceSpec> source(String name, AwsS3SourceSpec spec, Map<String, String> status) {
        return new ObjectContext<>(AwsS3SourceKind.KIND, "team-a", name, "uid-" + name, 1, spec, status);
    }

    static AwsS3SourceSpec spec(String bucketArn, String... eventTypes) {
        return new AwsS3SourceSpec(bucketArn, List.of(eventTypes), null);
    }

    static AwsS3SourceSpec specWithQueue(String bucketArn, String queueArn, String... eventTypes) {
        return new AwsS3SourceSpec(bucketArn, List.of(eventTypes),
                new AwsS3SourceSpec.Destination(new AwsS3SourceSpec.SqsDestination(queueArn)));
    }
}
