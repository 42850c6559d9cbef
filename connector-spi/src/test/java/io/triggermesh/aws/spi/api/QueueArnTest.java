package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueueArnTest {

    @Test
    void parsesRegionAccountAndName() {
        QueueArn arn = QueueArn.parse("arn:aws:sqs:us-east-1:123456789012:orders").orElseThrow();
        assertThat(arn.partition()).isEqualTo("aws");
        assertThat(arn.region()).isEqualTo("us-east-1");
        assertThat(arn.accountId()).isEqualTo("123456789012");
        assertThat(arn.name()).isEqualTo("orders");
        assertThat(arn.isFifo()).isFalse();
        assertThat(arn).hasToString("arn:aws:sqs:us-east-1:123456789012:orders");
    }

    @Test
    void fifoQueuesAreRecognisedByTheirSuffix() {
        assertThat(QueueArn.parse("arn:aws:sqs:us-east-1:123456789012:orders.fifo").orElseThrow().isFifo()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:sqs:us-east-1:123456789012:q", "arn:aws-cn:sqs:cn-north-1:123456789012:q",
            "arn:aws-us-gov:sqs:us-gov-east-1:123456789012:q", "arn:aws:sqs:elasticmq:000000000000:q"})
    void acceptsEveryPartitionAndEmulatorRegions(String text) {
        assertThat(QueueArn.parse(text)).isPresent();
        assertThat(QueueArn.problem(text, "AWSSQSSource")).isEmpty();
    }

    @Test
    void thePagesSampleArnIsNotAQueueArn() {
        assertThat(QueueArn.parse("arn:aws:sqs:1234abcd:queue_name")).isEmpty();
        assertThat(QueueArn.problem("arn:aws:sqs:1234abcd:queue_name", "AWSSQSTarget")).hasValueSatisfying(
                m -> assertThat(m).contains("six ':'-separated parts").contains("arn:aws:sqs:us-east-1:123456789012"));
    }

    @Test
    void regionAndTwelveDigitAccountAreRequired() {
        assertThat(QueueArn.problem("arn:aws:sqs::123456789012:q", "AWSSQSSource")).hasValueSatisfying(
                m -> assertThat(m).startsWith("lacks the queue's region or account"));
        assertThat(QueueArn.problem("arn:aws:sqs:us-east-1:1234abcd:q", "AWSSQSSource")).hasValueSatisfying(
                m -> assertThat(m).contains("12 digits"));
    }

    @Test
    void queueNamesFollowSqsRules() {
        assertThat(QueueArn.isValidName("a".repeat(80))).isTrue();
        assertThat(QueueArn.isValidName("a".repeat(81))).isFalse();
        assertThat(QueueArn.isValidName("a".repeat(75) + ".fifo")).isTrue();
        assertThat(QueueArn.isValidName("a".repeat(76) + ".fifo")).isFalse();
        assertThat(QueueArn.isValidName("Orders_2-b")).isTrue();
        assertThat(QueueArn.isValidName("orders.v2")).isFalse();
        assertThat(QueueArn.isValidName(".fifo")).isFalse();
        assertThat(QueueArn.problem("arn:aws:sqs:us-east-1:123456789012:my queue", "AWSSQSTarget"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("names queue 'my queue'"));
    }

    @Test
    void otherServicesArnsAreNamed() {
        assertThat(QueueArn.problem("arn:aws:sns:us-east-1:123456789012:topic", "AWSSQSTarget")).hasValue(
                "is an SNS topic ARN; AWSSQSTarget needs an SQS queue ARN such as"
                        + " arn:aws:sqs:us-east-1:123456789012:my-queue");
    }

    @Test
    void standardPatternRefusesFifoQueuesAndAgreesWithStandardNames() {
        java.util.regex.Pattern standard = java.util.regex.Pattern.compile(QueueArn.STANDARD_PATTERN);
        assertThat(standard.matcher("arn:aws:sqs:us-east-1:123456789012:orders").matches()).isTrue();
        assertThat(standard.matcher("arn:aws:sqs:us-east-1:123456789012:orders.fifo").matches()).isFalse();
        assertThat(QueueArn.isStandardName("orders")).isTrue();
        assertThat(QueueArn.isStandardName("orders.fifo")).isFalse();
    }

    @Test
    void addressProblemsEndInWhatTheFieldNeeds() {
        assertThat(QueueArn.addressProblem("arn:aws:sqs::123456789012:q", "x needs a queue")).hasValue(
                "lacks the queue's region or account; x needs a queue");
        assertThat(QueueArn.addressProblem("arn:aws:sqs:us-east-1:123456789012:bad name", "x")).isEmpty();
    }
}
