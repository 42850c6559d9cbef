package io.triggermesh.aws.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.auth.model.RoleArn;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.spi.api.QueueArn;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.s3.api.S3EventTypes;
import io.triggermesh.aws.spi.api.Sink;
import io.triggermesh.aws.sqs.api.MessageProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema is a first line of defence and must never refuse what the controller's validation accepts: its enums
 * are the connectors' own lists and each ARN pattern accepts every ARN the connector's parser accepts, while still
 * refusing the common mistakes (wrong service, wrong partition, missing parts).
 */
class SchemaHintsMatchValidationTest {

    private final GeneratedCrds crds = GeneratedCrds.committed();

    @Test
    void eventTypesEnumIsTheS3ConnectorsOwnList() {
        JsonNode items = spec("sources.triggermesh.io", "AWSS3Source").at("/properties/eventTypes/items/enum");
        assertThat(texts(items)).containsExactlyElementsOf(S3EventTypes.ALL);
    }

    @Test
    void messageProcessorEnumIsTheSqsConnectorsOwnList() {
        JsonNode values = spec("sources.triggermesh.io", "AWSSQSSource").at("/properties/messageProcessor/enum");
        assertThat(texts(values)).containsExactlyElementsOf(MessageProcessor.jsonNames());
    }

    @Test
    void bucketArnPatternAcceptsEveryBucketArnTheConnectorAcceptsAndRefusesOtherArns() {
        Pattern pattern = Pattern.compile(BucketArn.PATTERN);
        List<String> valid = List.of("arn:aws:s3:::my-bucket", "arn:aws:s3:::test-bucket", "arn:aws-cn:s3:::a.b-c",
                "arn:aws-us-gov:s3:us-gov-west-1:123456789012:logs", "arn:aws:s3:us-west-2:123456789012:my-bucket",
                "arn:aws:s3:::abc", "arn:aws:s3:::" + "a".repeat(63));
        List<String> invalid = List.of("arn:aws:s3:::My-Bucket", "arn:aws:sqs:us-east-1:123456789012:q",
                "arn:aws:s3:::ab", "arn:aws:s3:::bucket/key", "arn:aws-foo:s3:::bucket", "arn:aws:s3::12345:bucket",
                "my-bucket", "arn:aws:s3:::-bucket", "arn:aws:s3:::" + "a".repeat(64), "");
        assertAgrees(pattern, valid, invalid, s -> BucketArn.parse(s).isPresent());
        assertThat(spec("sources.triggermesh.io", "AWSS3Source").at("/properties/arn/pattern").asText())
                .isEqualTo(BucketArn.PATTERN);
        assertThat(spec("targets.triggermesh.io", "AWSS3Target").at("/properties/arn/pattern").asText())
                .isEqualTo(BucketArn.PATTERN);
    }

    @Test
    void queueArnPatternAcceptsEveryQueueArnTheConnectorAcceptsAndRefusesOtherArns() {
        Pattern pattern = Pattern.compile(QueueArn.PATTERN);
        List<String> valid = List.of("arn:aws:sqs:us-east-1:123456789012:queue_name",
                "arn:aws:sqs:eu-west-1:123456789012:orders", "arn:aws-cn:sqs:cn-north-1:123456789012:q-1",
                "arn:aws-us-gov:sqs:us-gov-east-1:123456789012:jobs.fifo",
                "arn:aws:sqs:elasticmq:000000000000:local", "arn:aws:sqs:us-east-1:123456789012:" + "q".repeat(80));
        List<String> invalid = List.of("arn:aws:sqs:1234abcd:queue_name", "arn:aws:sqs::123456789012:q",
                "arn:aws:sqs:us-east-1::q", "arn:aws:s3:::bucket", "arn:aws:sqs:us-east-1:123456789012:a.b",
                "arn:aws:sqs:us-east-1:123456789012:" + "q".repeat(81), "arn:azure:sqs:us-east-1:123456789012:q",
                "https://sqs.us-east-1.amazonaws.com/123456789012/q");
        assertAgrees(pattern, valid, invalid, s -> QueueArn.parse(s).isPresent());
        assertThat(spec("sources.triggermesh.io", "AWSSQSSource").at("/properties/arn/pattern").asText())
                .isEqualTo(QueueArn.PATTERN);
        assertThat(spec("targets.triggermesh.io", "AWSSQSTarget").at("/properties/arn/pattern").asText())
                .isEqualTo(QueueArn.PATTERN);
    }

    @Test
    void userSuppliedQueuePatternOfTheS3SourceRefusesFifoQueues() {
        Pattern pattern = Pattern.compile(AwsS3SourceSpec.SqsDestination.QUEUE_ARN_PATTERN);
        assertThat(pattern.matcher("arn:aws:sqs:us-west-2:123456789012:my-queue").matches()).isTrue();
        assertThat(pattern.matcher("arn:aws:sqs:us-west-2:123456789012:my-queue.fifo").matches()).isFalse();
        assertThat(pattern.matcher("arn:aws:sqs::123456789012:my-queue").matches()).isFalse();
    }

    @Test
    void roleArnPatternAgreesWithTheRoleArnParser() {
        Pattern pattern = Pattern.compile(RoleArn.PATTERN);
        List<String> valid = List.of("arn:aws:iam::123456789012:role/aws-s3-target-role",
                "arn:aws-cn:iam::123456789012:role/team/name", "arn:aws-us-gov:iam::210987654321:role/x");
        List<String> invalid = List.of("arn:aws:iam::123456789012:user/alice", "arn:aws:iam:us-east-1:123456789012:role/x",
                "arn:aws:iam::12345678901:role/x", "arn:aws:sts::123456789012:assumed-role/x/s", "<role arn>",
                "aws-s3-target-role", "arn:aws:iam::123456789012:role/", "arn:aws-eu:iam::123456789012:role/x");
        assertAgrees(pattern, valid, invalid, s -> RoleArn.parse(s).isPresent());
    }

    @Test
    void sinkUriPatternAcceptsWhatTheSinkCheckAccepts() {
        Pattern pattern = Pattern.compile(Sink.URI_PATTERN);
        List<String> valid = List.of("http://event-display.default.svc.cluster.local",
                "https://example.com:8443/path?q=1", "HTTP://host", "http://host/a@b", "http://10.0.0.1:8080");
        List<String> invalid = List.of("ftp://host", "event-display", "http://", "http:// host", "/relative",
                "http://user:pw@host/x");
        assertAgrees(pattern, valid, invalid, s -> Sink.uriProblem(s).isEmpty());
    }

    private static void assertAgrees(Pattern pattern, List<String> valid, List<String> invalid,
                                     Predicate<String> javaCheck) {
        List<String> wrong = new ArrayList<>();
        for (String sample : valid) {
            if (!javaCheck.test(sample)) {
                wrong.add("the Java check refuses the valid sample " + sample);
            }
            if (!pattern.matcher(sample).matches()) {
                wrong.add("the pattern refuses " + sample + ", which the Java check accepts");
            }
        }
        for (String sample : invalid) {
            if (pattern.matcher(sample).matches()) {
                wrong.add("the pattern accepts " + sample);
            }
            if (javaCheck.test(sample)) {
                wrong.add("the Java check accepts the invalid sample " + sample);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private JsonNode spec(String group, String kind) {
        return GeneratedCrds.schema(crds.crd(group, kind)).at("/properties/spec");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
