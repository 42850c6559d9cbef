package io.triggermesh.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsSqsTargetValidationTest {

    private final AwsSqsTargetKind kind = new AwsSqsTargetKind(SqsFixtures.IMAGE);

    @Test
    void validSpecsHaveNoProblems() {
        assertThat(kind.validate(SqsFixtures.target(SqsFixtures.QUEUE_ARN))).isEmpty();
        assertThat(kind.validate(SqsFixtures.target(SqsFixtures.FIFO_QUEUE_ARN, "orders"))).isEmpty();
        assertThat(kind.validate(SqsFixtures.target("arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q", "g")))
                .isEmpty();
    }

    @Test
    void thePagesSampleArnIsRejectedWithAFix() {
        assertThat(kind.validate(SqsFixtures.target("arn:aws:sqs:1234abcd:queue_name"))).singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("spec.arn");
                    assertThat(p.message()).contains("AWSSQSTarget needs an SQS queue ARN such as"
                            + " arn:aws:sqs:us-east-1:123456789012:my-queue");
                });
    }

    @Test
    void bucketArnInArnFieldIsNamedAsSuchWithTheFix() {
        assertThat(kind.validate(SqsFixtures.target("arn:aws:s3:::my-bucket"))).extracting(Problem::message)
                .singleElement().asString().startsWith("is an S3 bucket ARN; AWSSQSTarget needs an SQS queue ARN");
    }

    @Test
    void fifoQueueWithoutMessageGroupIdIsReported() {
        assertThat(kind.validate(SqsFixtures.target(SqsFixtures.FIFO_QUEUE_ARN))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.messageGroupId");
            assertThat(p.message()).contains("orders.fifo is a FIFO queue");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\tinside", "ünïcode"})
    void messageGroupIdMustBeAsciiLettersDigitsAndPunctuation(String group) {
        assertThat(kind.validate(SqsFixtures.target(SqsFixtures.FIFO_QUEUE_ARN, group)))
                .extracting(Problem::path).containsExactly("spec.messageGroupId");
    }

    @Test
    void messageGroupIdIsAtMost128Characters() {
        assertThat(kind.validate(SqsFixtures.target(SqsFixtures.FIFO_QUEUE_ARN, "g".repeat(128)))).isEmpty();
        assertThat(kind.validate(SqsFixtures.target(SqsFixtures.FIFO_QUEUE_ARN, "g".repeat(129))))
                .extracting(Problem::path).containsExactly("spec.messageGroupId");
        assertThat(kind.validate(SqsFixtures.target(SqsFixtures.FIFO_QUEUE_ARN, "a-b_c.d:e/f#{}!"))).isEmpty();
    }
}
