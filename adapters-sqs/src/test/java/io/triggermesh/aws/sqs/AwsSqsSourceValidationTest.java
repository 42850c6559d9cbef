package io.triggermesh.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsSqsSourceValidationTest {

    private final AwsSqsSourceKind kind = new AwsSqsSourceKind(SqsFixtures.IMAGE);

    private Problem onlyProblem(AwsSqsSourceSpec spec) {
        List<Problem> problems = kind.validate(spec);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void validSpecsHaveNoProblems() {
        assertThat(kind.validate(SqsFixtures.source(SqsFixtures.QUEUE_ARN))).isEmpty();
        assertThat(kind.validate(SqsFixtures.source(SqsFixtures.FIFO_QUEUE_ARN))).isEmpty();
        assertThat(kind.validate(SqsFixtures.source("arn:aws-cn:sqs:cn-north-1:123456789012:q_1"))).isEmpty();
        assertThat(kind.validate(SqsFixtures.sourceWithEndpoint("http://elasticmq.default.svc:9324"))).isEmpty();
        assertThat(kind.validate(SqsFixtures.sourceWithOwner(SqsFixtures.QUEUE_ARN, "123456789012"))).isEmpty();
    }

    @Test
    void bucketArnInArnFieldIsNamedAsSuchWithTheFix() {
        assertThat(onlyProblem(SqsFixtures.source("arn:aws:s3:::my-bucket"))).hasToString("spec.arn: is an S3"
                + " bucket ARN; AWSSQSSource needs an SQS queue ARN such as"
                + " arn:aws:sqs:us-east-1:123456789012:my-queue");
    }

    @Test
    void echoedValuesAreQuotedEscapedAndCut() {
        Problem forged = onlyProblem(SqsFixtures.sourceWithProcessor("x\r\nok       AWSSQSSource/forged\u001b[32m"));
        Problem huge = onlyProblem(SqsFixtures.source("arn:aws:sqs:us-east-1:1234:" + "q".repeat(1024 * 1024)));

        assertThat(forged.message()).startsWith("'x\\r\\nok       AWSSQSSource/forged\\u001b[32m' is not a message")
                .doesNotContain("\n").doesNotContain("\u001b");
        assertThat(huge.message()).hasSizeLessThan(400).contains("… (" + (27 + 1024 * 1024) + " chars)");
    }

    @Test
    void aQueueInARegionItsPartitionDoesNotHaveIsRefused() {
        assertThat(onlyProblem(SqsFixtures.source("arn:aws:sqs:mars-north-9:123456789012:q")).message())
                .contains("region 'mars-north-9', which partition aws does not have");
    }

    @Test
    void queueArnNeedsRegionAndAccount() {
        assertThat(onlyProblem(SqsFixtures.source("arn:aws:sqs:::orders")).message()).contains("region or account");
        assertThat(onlyProblem(SqsFixtures.source("arn:aws:sqs:1234abcd:queue_name")).message())
                .contains("six ':'-separated parts").contains("arn:aws:sqs:us-east-1:123456789012:my-queue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0", "30s", "5m", "1h30m", "12h", "43200s", "2m30s", "1000ms", "0.5m"})
    void visibilityTimeoutAcceptsGoDurationsFromZeroToTwelveHours(String timeout) {
        assertThat(kind.validate(SqsFixtures.sourceWithVisibilityTimeout(timeout))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30|has no unit: write '30s'",
        "-5s|negative",
        "12h1s|maximum of 12h",
        "1.5s|whole number of seconds",
        "5 minutes|uses unit ' minutes'",
        "soon|not a duration",
        "5d|uses unit 'd'"})
    void badVisibilityTimeoutIsExplained(String timeout, String reason) {
        Problem p = onlyProblem(SqsFixtures.sourceWithVisibilityTimeout(timeout));
        assertThat(p.path()).isEqualTo("spec.receiveOptions.visibilityTimeout");
        assertThat(p.message()).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "s3", "eventbridge"})
    void knownMessageProcessorsAreAccepted(String processor) {
        assertThat(kind.validate(SqsFixtures.sourceWithProcessor(processor))).isEmpty();
    }

    @Test
    void unknownMessageProcessorIsRejectedNotIgnored() {
        Problem p = onlyProblem(SqsFixtures.sourceWithProcessor("EventBridge"));
        assertThat(p.path()).isEqualTo("spec.messageProcessor");
        assertThat(p.message()).contains("default, s3, eventbridge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://elasticmq:9324", "elasticmq:9324", "http://", "http://user:pw@elasticmq:9324", " "})
    void endpointUrlMustBeAPlainHttpUrl(String url) {
        assertThat(onlyProblem(SqsFixtures.sourceWithEndpoint(url)).path()).isEqualTo("spec.endpoint.url");
    }

    @Test
    void endpointWithoutUrlIsReported() {
        assertThat(onlyProblem(SqsFixtures.sourceWithEndpoint(null)).message()).startsWith("is required");
    }

    @Test
    void queueOwnerAccountIdIsTwelveDigits() {
        assertThat(onlyProblem(SqsFixtures.sourceWithOwner(SqsFixtures.QUEUE_ARN, "1234")).path())
                .isEqualTo("spec.queueOwnerAccountId");
    }

    @Test
    void queueOwnerAccountIdMustAgreeWithTheArn() {
        assertThat(onlyProblem(SqsFixtures.sourceWithOwner(SqsFixtures.QUEUE_ARN, "210987654321")).message())
                .contains("123456789012").contains("210987654321");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        AwsSqsSourceSpec spec = new AwsSqsSourceSpec("arn:aws:s3:::b-1", new AwsSqsSourceSpec.ReceiveOptions("1d"),
                "kafka", new AwsSqsSourceSpec.Endpoint("tcp://x"), "x");
        assertThat(kind.validate(spec)).extracting(Problem::path).containsExactly("spec.arn",
                "spec.receiveOptions.visibilityTimeout", "spec.messageProcessor", "spec.endpoint.url",
                "spec.queueOwnerAccountId");
    }
}
