package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTest {

    @Test
    void parsesEveryPartOfAnArn() {
        Arn arn = Arn.parse("arn:aws:sqs:us-east-1:123456789012:my-queue").orElseThrow();

        assertThat(arn.partition()).isEqualTo("aws");
        assertThat(arn.service()).isEqualTo("sqs");
        assertThat(arn.region()).isEqualTo("us-east-1");
        assertThat(arn.accountId()).isEqualTo("123456789012");
        assertThat(arn.resource()).isEqualTo("my-queue");
        assertThat(arn).hasToString("arn:aws:sqs:us-east-1:123456789012:my-queue");
    }

    @Test
    void acceptsTheThreeSupportedPartitions() {
        assertThat(Arn.parse("arn:aws:s3:::b")).isPresent();
        assertThat(Arn.parse("arn:aws-cn:s3:::b")).isPresent();
        assertThat(Arn.parse("arn:aws-us-gov:s3:::b")).isPresent();
        assertThat(Arn.parse("arn:aws-iso:s3:::b")).isEmpty();
        assertThat(Arn.syntaxProblem("arn:aws-iso:s3:::b")).hasValueSatisfying(
                m -> assertThat(m).contains("use aws, aws-cn or aws-us-gov"));
    }

    @Test
    void keepsColonsAndSlashesInTheResource() {
        assertThat(Arn.parse("arn:aws:iam::123456789012:role/path/name").orElseThrow().resource())
                .isEqualTo("role/path/name");
        assertThat(Arn.parse("arn:aws:logs:us-east-1:123456789012:log-group:g:*").orElseThrow().resource())
                .isEqualTo("log-group:g:*");
    }

    @Test
    void accountMustBeTwelveDigitsWhenPresent() {
        assertThat(Arn.parse("arn:aws:sqs:us-east-1:1234:q")).isEmpty();
        assertThat(Arn.syntaxProblem("arn:aws:sqs:us-east-1:1234:q")).hasValueSatisfying(
                m -> assertThat(m).contains("12 digits"));
        assertThat(Arn.isAccountId("123456789012")).isTrue();
        assertThat(Arn.isAccountId("12345678901a")).isFalse();
    }

    @Test
    void anArnWithTooFewPartsIsExplained() {
        assertThat(Arn.syntaxProblem("arn:aws:sqs:1234abcd:queue_name")).hasValueSatisfying(
                m -> assertThat(m).contains("six ':'-separated parts"));
    }

    @Test
    void textThatIsNoArnIsExplained() {
        assertThat(Arn.syntaxProblem("my-bucket")).hasValueSatisfying(m -> assertThat(m).contains("start with arn:"));
        assertThat(Arn.syntaxProblem(null)).hasValue("is required");
        assertThat(Arn.syntaxProblem("")).hasValue("is required");
        assertThat(Arn.syntaxProblem("arn:aws:s3:::my-bucket")).isEmpty();
    }

    @Test
    void describesWhatKindOfArnItIs() {
        assertThat(Arn.parse("arn:aws:sqs:us-east-1:123456789012:q").orElseThrow().description())
                .isEqualTo("an SQS queue ARN");
        assertThat(Arn.parse("arn:aws:s3:::b").orElseThrow().description()).isEqualTo("an S3 bucket ARN");
        assertThat(Arn.parse("arn:aws:s3:::b/key").orElseThrow().description()).isEqualTo("an S3 object ARN");
        assertThat(Arn.parse("arn:aws:ec2:us-east-1:123456789012:instance/i-1").orElseThrow().description())
                .isEqualTo("an ARN of service ec2");
    }

    @Test
    void acceptsRegionNamesOfSqsCompatibleServers() {
        assertThat(Arn.parse("arn:aws:sqs:elasticmq:000000000000:queue")).isPresent();
    }

    @Test
    void aRegionItsPartitionDoesNotHaveIsRefused() {
        assertThat(Arn.parse("arn:aws:sqs:mars-north-9:123456789012:q")).isEmpty();
        assertThat(Arn.syntaxProblem("arn:aws:sqs:mars-north-9:123456789012:q")).hasValueSatisfying(m ->
                assertThat(m).contains("region 'mars-north-9', which partition aws does not have")
                        .contains("us-east-1"));
        assertThat(Arn.parse("arn:aws-cn:sqs:us-east-1:123456789012:q")).isEmpty();
        assertThat(Arn.parse("arn:aws:sqs:cn-north-1:123456789012:q")).isEmpty();
        assertThat(Arn.parse("arn:aws:sqs:us-gov-west-1:123456789012:q")).isEmpty();
    }

    @Test
    void realRegionsAndEmulatorNamesAreAccepted() {
        assertThat(Arn.parse("arn:aws:sqs:ap-southeast-3:123456789012:q")).isPresent();
        assertThat(Arn.parse("arn:aws:sqs:il-central-1:123456789012:q")).isPresent();
        assertThat(Arn.parse("arn:aws-cn:sqs:cn-northwest-1:123456789012:q")).isPresent();
        assertThat(Arn.parse("arn:aws-us-gov:sqs:us-gov-east-1:123456789012:q")).isPresent();
        assertThat(Arn.parse("arn:aws:sqs:elasticmq:000000000000:q")).isPresent();
    }

    @Test
    void aHugeArnIsNotEchoedInFull() {
        String huge = "arn:aws:sqs:us-east-1:1234:" + "q".repeat(1024 * 1024);

        assertThat(Arn.syntaxProblem(huge)).hasValueSatisfying(m -> {
            assertThat(m.length()).isLessThan(300);
            assertThat(m).contains("… (" + huge.length() + " chars)");
        });
    }

    @Test
    void serviceProblemSaysWhatWasGivenAndWhatTheFieldNeeds() {
        String needs = "X needs an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:t";

        assertThat(Arn.serviceProblem("arn:aws:sns:us-east-1:123456789012:t", "sns", needs)).isEmpty();
        assertThat(Arn.serviceProblem("arn:aws:sqs:us-east-1:123456789012:q", "sns", needs))
                .hasValue("is an SQS queue ARN; " + needs);
        assertThat(Arn.serviceProblem("topic", "sns", needs)).hasValueSatisfying(
                m -> assertThat(m).contains("start with arn:").endsWith("; " + needs));
        assertThat(Arn.serviceProblem(null, "sns", needs)).hasValue("is required; " + needs);
    }

    @Test
    void regionalProblemAlsoWantsRegionAndAccount() {
        assertThat(Arn.regionalProblem("arn:aws:sns::123456789012:t", "sns", "topic", "n"))
                .hasValue("lacks the topic's region or account; n");
        assertThat(Arn.regionalProblem("arn:aws:sns:us-east-1::t", "sns", "topic", "n"))
                .hasValue("lacks the topic's region or account; n");
        assertThat(Arn.regionalProblem("arn:aws:s3:::b", "sns", "topic", "n")).hasValue("is an S3 bucket ARN; n");
        assertThat(Arn.regionalProblem("arn:aws:sns:us-east-1:123456789012:t", "sns", "topic", "n")).isEmpty();
    }
}
