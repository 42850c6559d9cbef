package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.spi.AwsAccess;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * SDK clients for the resource hooks, built from what the controller hands in. The HTTP client is given
 * explicitly: the hooks run inside the controller, whose class path holds only the URLConnection client.
 */
final class ResourceClients {

    private ResourceClients() {
    }

    /**
     * An S3 client in {@code aws}'s region. With an endpoint override (an emulator, a VPC endpoint) buckets are
     * addressed by path, which every S3-compatible endpoint serves; cross-region access lets GetBucketLocation
     * reach a bucket in any region.
     */
    static S3Client s3(AwsAccess aws) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(aws.credentials())
                .crossRegionAccessEnabled(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        aws.endpointOverride().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    /** An SQS client in {@code aws}'s region. */
    static SqsClient sqs(AwsAccess aws) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(aws.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        aws.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
