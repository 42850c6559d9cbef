package io.triggermesh.aws.s3;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.ObjectContext;
import java.util.List;
import java.util.Map;

/** Specs and object contexts shared by the S3 tests. */
final class S3Fixtures {

    static final String IMAGE = "registry.example/adapter-s3:test";
    static final String BUCKET_ARN = "arn:aws:s3:::my-bucket";
    static final String REGIONAL_BUCKET_ARN = "arn:aws:s3:us-west-2:123456789012:my-bucket";
    static final String USER_QUEUE_ARN = "arn:aws:sqs:us-west-2:123456789012:my-queue";

    private S3Fixtures() {
    }

    static AwsS3SourceSpec source(String arn, String... eventTypes) {
        return new AwsS3SourceSpec(arn, List.of(eventTypes), null);
    }

    static AwsS3SourceSpec validSource() {
        return source(BUCKET_ARN, "s3:ObjectCreated:*");
    }

    static AwsS3SourceSpec sourceWithQueue(String bucketArn, String queueArn) {
        return new AwsS3SourceSpec(bucketArn, List.of("s3:ObjectCreated:*"),
                new AwsS3SourceSpec.Destination(new AwsS3SourceSpec.SqsDestination(queueArn)));
    }

    static AwsS3TargetSpec target(String arn) {
        return new AwsS3TargetSpec(arn, null);
    }

    static AwsS3TargetSpec target(String arn, Boolean discard) {
        return new AwsS3TargetSpec(arn, discard);
    }

    static <S> ObjectContext<S> object(String kind, S spec) {
        return object(kind, spec, Map.of());
    }

    static <S> ObjectContext<S> object(String kind, S spec, Map<String, String> status) {
        return new ObjectContext<>(kind, "default", "my-source", "8d4c0b2e-uid", 1, spec, status);
    }
}
