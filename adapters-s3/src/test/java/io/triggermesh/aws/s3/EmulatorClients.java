package io.triggermesh.aws.s3;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients on the emulator's root identity for setting up and inspecting what the code under test did. */
final class EmulatorClients implements AutoCloseable {

    private final AwsEmulator aws;
    private final List<SdkClient> clients = new ArrayList<>();

    EmulatorClients(AwsEmulator aws) {
        this.aws = aws;
    }

    /** A name no other test uses, valid for buckets, queues and Kubernetes objects. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    AwsAccess rootAccess() {
        return new AwsAccess(aws.rootCredentialsProvider(), aws.region(), aws.endpoint(), "emulator root");
    }

    S3Client s3() {
        return s3(aws.region());
    }

    S3Client s3(String region) {
        S3Client s3 = S3Client.builder().region(Region.of(region)).endpointOverride(aws.endpoint())
                .credentialsProvider(aws.rootCredentialsProvider()).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        clients.add(s3);
        return s3;
    }

    SqsClient sqs() {
        return sqs(aws.region());
    }

    SqsClient sqs(String region) {
        SqsClient sqs = SqsClient.builder().region(Region.of(region)).endpointOverride(aws.endpoint())
                .credentialsProvider(aws.rootCredentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        clients.add(sqs);
        return sqs;
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
        return new AwsS3SourceSpec(bucketArn, List.of(eventTypes), null, null, S3Fixtures.SINK, null);
    }

    static AwsS3SourceSpec specWithQueue(String bucketArn, String queueArn, String... eventTypes) {
        return new AwsS3SourceSpec(bucketArn, List.of(eventTypes),
                new AwsS3SourceSpec.Destination(new AwsS3SourceSpec.SqsDestination(queueArn)), null, S3Fixtures.SINK,
                null);
    }

    @Override
    public void close() {
        clients.forEach(SdkClient::close);
    }
}
