package io.triggermesh.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.Problem;
import org.junit.jupiter.api.Test;

class AwsS3TargetValidationTest {

    private final AwsS3TargetKind kind = new AwsS3TargetKind(S3Fixtures.IMAGE);

    @Test
    void validSpecsHaveNoProblems() {
        assertThat(kind.validate(S3Fixtures.target(S3Fixtures.BUCKET_ARN))).isEmpty();
        assertThat(kind.validate(S3Fixtures.target("arn:aws-us-gov:s3:::gov.bucket-1", true))).isEmpty();
    }

    @Test
    void arnIsRequired() {
        assertThat(kind.validate(S3Fixtures.target(null))).extracting(Problem::toString)
                .singleElement().asString().startsWith("spec.arn: is required");
    }

    @Test
    void queueArnInArnFieldIsNamedAsSuchWithTheFix() {
        assertThat(kind.validate(S3Fixtures.target("arn:aws:sqs:us-east-1:123456789012:q")))
                .extracting(Problem::toString).containsExactly("spec.arn: is an SQS queue ARN; AWSS3Target needs an"
                        + " S3 bucket ARN such as arn:aws:s3:::my-bucket");
    }

    @Test
    void objectArnIsNotABucketArn() {
        assertThat(kind.validate(S3Fixtures.target("arn:aws:s3:::b-1/key"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("arn:aws:s3:::b-1"));
    }
}
