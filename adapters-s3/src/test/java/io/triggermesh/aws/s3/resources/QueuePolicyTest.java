package io.triggermesh.aws.s3.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {

    private static final String QUEUE = "arn:aws:sqs:us-west-2:123456789012:triggermesh-s3_ns_a";
    private static final String BUCKET = "arn:aws:s3:::my-bucket";

    @Test
    void onlyS3MaySendAndOnlyOnBehalfOfTheBucketAndItsAccount() {
        JsonNode statements = new QueuePolicy(QUEUE, BUCKET, Optional.of("123456789012")).document().get("Statement");

        assertThat(statements).hasSize(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
        assertThat(statement.path("Resource").asText()).isEqualTo(QUEUE);
        assertThat(statement.path("Condition").path("ArnEquals").path("aws:SourceArn").asText()).isEqualTo(BUCKET);
        assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                .isEqualTo("123456789012");
    }

    @Test
    void accountConditionIsLeftOutWhenTheBucketsAccountIsUnknown() {
        JsonNode condition = new QueuePolicy(QUEUE, BUCKET, Optional.empty()).document()
                .get("Statement").get(0).get("Condition");

        assertThat(condition.has("StringEquals")).isFalse();
        assertThat(condition.path("ArnEquals").path("aws:SourceArn").asText()).isEqualTo(BUCKET);
    }

    @Test
    void theSamePolicyWithOtherWhitespaceNeedsNoWrite() throws Exception {
        QueuePolicy policy = new QueuePolicy(QUEUE, BUCKET, Optional.of("123456789012"));
        String pretty = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(policy.document());

        assertThat(policy.isSatisfiedBy(pretty)).isTrue();
        assertThat(policy.isSatisfiedBy(policy.json())).isTrue();
    }

    @Test
    void aMissingForeignOrUnreadablePolicyNeedsAWrite() {
        QueuePolicy policy = new QueuePolicy(QUEUE, BUCKET, Optional.of("123456789012"));

        assertThat(policy.isSatisfiedBy(null)).isFalse();
        assertThat(policy.isSatisfiedBy("")).isFalse();
        assertThat(policy.isSatisfiedBy("{not json")).isFalse();
        assertThat(policy.isSatisfiedBy(new QueuePolicy(QUEUE, "arn:aws:s3:::other-bucket",
                Optional.of("123456789012")).json())).isFalse();
        assertThat(policy.isSatisfiedBy(new QueuePolicy(QUEUE, BUCKET, Optional.empty()).json())).isFalse();
    }
}
