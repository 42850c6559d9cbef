package io.triggermesh.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.spi.Problem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsS3SourceValidationTest {

    private final AwsS3SourceKind kind = new AwsS3SourceKind(S3Fixtures.IMAGE);

    private List<Problem> problems(AwsS3SourceSpec spec) {
        return kind.validate(spec);
    }

    private Problem onlyProblem(AwsS3SourceSpec spec) {
        List<Problem> problems = problems(spec);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void validSpecsHaveNoProblems() {
        assertThat(problems(S3Fixtures.validSource())).isEmpty();
        assertThat(problems(S3Fixtures.source(S3Fixtures.REGIONAL_BUCKET_ARN, "s3:ObjectCreated:Put",
                "s3:ObjectRemoved:*", "s3:ObjectRestore:Completed", "s3:LifecycleTransition"))).isEmpty();
        assertThat(problems(S3Fixtures.sourceWithQueue(S3Fixtures.REGIONAL_BUCKET_ARN, S3Fixtures.USER_QUEUE_ARN)))
                .isEmpty();
        assertThat(problems(S3Fixtures.sourceWithQueue(S3Fixtures.BUCKET_ARN, S3Fixtures.USER_QUEUE_ARN))).isEmpty();
    }

    @Test
    void arnIsRequired() {
        Problem p = onlyProblem(S3Fixtures.source(null, "s3:ObjectCreated:*"));
        assertThat(p.path()).isEqualTo("spec.arn");
        assertThat(p.message()).startsWith("is required");
    }

    @Test
    void queueArnInArnFieldIsNamedAsSuchWithTheFix() {
        Problem p = onlyProblem(S3Fixtures.source("arn:aws:sqs:us-east-1:123456789012:q", "s3:ObjectCreated:*"));
        assertThat(p).hasToString("spec.arn: is an SQS queue ARN; AWSS3Source needs an S3 bucket ARN such as"
                + " arn:aws:s3:::my-bucket");
    }

    @Test
    void objectArnInArnFieldSuggestsTheBucketArn() {
        Problem p = onlyProblem(S3Fixtures.source("arn:aws:s3:::my-bucket/photos/a.jpg", "s3:ObjectCreated:*"));
        assertThat(p.message()).contains("S3 object ARN").contains("arn:aws:s3:::my-bucket");
    }

    @Test
    void malformedArnIsExplained() {
        assertThat(onlyProblem(S3Fixtures.source("my-bucket", "s3:ObjectCreated:*")).message())
                .contains("start with arn:").contains("arn:aws:s3:::my-bucket");
        assertThat(onlyProblem(S3Fixtures.source("arn:aws-iso:s3:::my-bucket", "s3:ObjectCreated:*")).message())
                .contains("aws, aws-cn or aws-us-gov");
    }

    @Test
    void bucketNameMustFollowS3Rules() {
        assertThat(onlyProblem(S3Fixtures.source("arn:aws:s3:::My_Bucket", "s3:ObjectCreated:*")).message())
                .contains("names bucket 'My_Bucket'");
    }

    @Test
    void eventTypesAreRequired() {
        Problem p = onlyProblem(new AwsS3SourceSpec(S3Fixtures.BUCKET_ARN, null, null));
        assertThat(p.path()).isEqualTo("spec.eventTypes");
        assertThat(p.message()).contains("s3:ObjectCreated:*");
        assertThat(problems(S3Fixtures.source(S3Fixtures.BUCKET_ARN))).extracting(Problem::path)
                .containsExactly("spec.eventTypes");
    }

    @Test
    void unknownEventTypeIsReportedAtItsIndexWithTheKnownNames() {
        Problem p = onlyProblem(S3Fixtures.source(S3Fixtures.BUCKET_ARN, "s3:ObjectCreated:*",
                "s3:ObjectRemoved:*", "s3:ObjectRenamed:*"));
        assertThat(p.path()).isEqualTo("spec.eventTypes[2]");
        assertThat(p.message()).contains("'s3:ObjectRenamed:*' is not an S3 event type")
                .contains("s3:ObjectRestore:Completed");
    }

    @Test
    void nearlyRightEventTypeGetsADidYouMean() {
        assertThat(onlyProblem(S3Fixtures.source(S3Fixtures.BUCKET_ARN, "ObjectCreated:*")).message())
                .endsWith("did you mean s3:ObjectCreated:*?");
        assertThat(onlyProblem(S3Fixtures.source(S3Fixtures.BUCKET_ARN, "s3:objectcreated:put")).message())
                .endsWith("did you mean s3:ObjectCreated:Put?");
    }

    @Test
    void emptyEventTypeEntryIsReported() {
        AwsS3SourceSpec spec = new AwsS3SourceSpec(S3Fixtures.BUCKET_ARN,
                Arrays.asList("s3:ObjectCreated:*", null), null);
        assertThat(onlyProblem(spec).path()).isEqualTo("spec.eventTypes[1]");
    }

    @Test
    void destinationNeedsSqs() {
        AwsS3SourceSpec spec = new AwsS3SourceSpec(S3Fixtures.BUCKET_ARN, List.of("s3:ObjectCreated:*"),
                new AwsS3SourceSpec.Destination(null));
        assertThat(onlyProblem(spec).path()).isEqualTo("spec.destination.sqs");
    }

    @Test
    void destinationQueueArnIsRequired() {
        Problem p = onlyProblem(S3Fixtures.sourceWithQueue(S3Fixtures.BUCKET_ARN, null));
        assertThat(p.path()).isEqualTo("spec.destination.sqs.queueARN");
        assertThat(p.message()).startsWith("is required");
    }

    @Test
    void destinationQueueMustBeAnSqsQueueArn() {
        Problem p = onlyProblem(S3Fixtures.sourceWithQueue(S3Fixtures.BUCKET_ARN, "arn:aws:s3:::other-bucket"));
        assertThat(p.path()).isEqualTo("spec.destination.sqs.queueARN");
        assertThat(p.message()).startsWith("is an S3 bucket ARN;").contains("arn:aws:sqs:");
    }

    @Test
    void destinationQueueNeedsRegionAndAccount() {
        assertThat(onlyProblem(S3Fixtures.sourceWithQueue(S3Fixtures.BUCKET_ARN, "arn:aws:sqs:::my-queue"))
                .message()).contains("region or account");
    }

    @Test
    void destinationQueueMustNotBeFifo() {
        Problem p = onlyProblem(S3Fixtures.sourceWithQueue(S3Fixtures.BUCKET_ARN,
                "arn:aws:sqs:us-west-2:123456789012:events.fifo"));
        assertThat(p.message()).contains("FIFO").contains("standard queue");
    }

    @Test
    void destinationQueueNameMustBeValid() {
        assertThat(onlyProblem(S3Fixtures.sourceWithQueue(S3Fixtures.BUCKET_ARN,
                "arn:aws:sqs:us-west-2:123456789012:bad.name")).message()).contains("names queue 'bad.name'");
    }

    @Test
    void destinationQueueMustBeInTheBucketsRegion() {
        Problem p = onlyProblem(S3Fixtures.sourceWithQueue(S3Fixtures.REGIONAL_BUCKET_ARN,
                "arn:aws:sqs:eu-west-1:123456789012:my-queue"));
        assertThat(p.message()).contains("eu-west-1").contains("us-west-2").contains("bucket's region");
    }

    @Test
    void destinationQueueMustBeInTheBucketsPartition() {
        assertThat(onlyProblem(S3Fixtures.sourceWithQueue("arn:aws-cn:s3:::my-bucket", S3Fixtures.USER_QUEUE_ARN))
                .message()).contains("partition");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        AwsS3SourceSpec spec = new AwsS3SourceSpec("arn:aws:sqs:us-east-1:123456789012:q",
                List.of("s3:Nope"), new AwsS3SourceSpec.Destination(null));
        assertThat(problems(spec)).extracting(Problem::path).containsExactly(
                "spec.arn", "spec.eventTypes[0]", "spec.destination.sqs");
    }
}
