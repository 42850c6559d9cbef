package io.triggermesh.aws.s3;

import static io.triggermesh.aws.testkit.ConnectorContractTest.CANARY;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.Sink;
import io.triggermesh.aws.spi.api.SinkRef;
import java.util.List;
import java.util.Map;

/** Specs and object contexts shared by the S3 tests. */
final class S3Fixtures {

    static final String IMAGE = "registry.example/adapter-s3:test";
    static final String BUCKET_ARN = "arn:aws:s3:::my-bucket";
    static final String REGIONAL_BUCKET_ARN = "arn:aws:s3:us-west-2:123456789012:my-bucket";
    static final String USER_QUEUE_ARN = "arn:aws:sqs:us-west-2:123456789012:my-queue";
    static final Sink SINK = Sink.toRef(SinkRef.of("eventing.knative.dev/v1", "Broker", "default"));

    /** Literal keys and session token holding the canary, so a leak shows. */
    static final AwsAuth CANARY_AUTH = AwsAuth.ofCredentials(
            Credentials.keys(ValueSource.literal(CANARY), ValueSource.literal(CANARY))
                    .withSessionToken(ValueSource.literal(CANARY)));

    private S3Fixtures() {
    }

    static AwsS3SourceSpec source(String arn, String... eventTypes) {
        return new AwsS3SourceSpec(arn, List.of(eventTypes), null, null, SINK, null);
    }

    static AwsS3SourceSpec validSource() {
        return source(BUCKET_ARN, "s3:ObjectCreated:*");
    }

    static AwsS3SourceSpec sourceWithQueue(String bucketArn, String queueArn) {
        return new AwsS3SourceSpec(bucketArn, List.of("s3:ObjectCreated:*"),
                new AwsS3SourceSpec.Destination(new AwsS3SourceSpec.SqsDestination(queueArn)), null, SINK, null);
    }

    static AwsS3SourceSpec sourceWithSink(Sink sink) {
        return new AwsS3SourceSpec(BUCKET_ARN, List.of("s3:ObjectCreated:*"), null, null, sink, null);
    }

    static AwsS3TargetSpec target(String arn) {
        return new AwsS3TargetSpec(arn, null, null, null);
    }

    static AwsS3TargetSpec target(String arn, Boolean discard, AdapterOverrides overrides) {
        return new AwsS3TargetSpec(arn, null, discard, overrides);
    }

    static <S> ObjectContext<S> object(String kind, S spec) {
        return object(kind, spec, Map.of());
    }

    static <S> ObjectContext<S> object(String kind, S spec, Map<String, String> status) {
        return new ObjectContext<>(kind, "default", "my-source", "8d4c0b2e-uid", 1, spec, status);
    }
}
