package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MotoPolicyTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:q";

    @Test
    void queueLookupsMoveToAnyResourceAndBatchNamesComeAlong() {
        String policy = MotoPolicy.of(List.of(new MotoPolicy.Grant(
                List.of("sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage"), List.of(QUEUE))), null);

        assertThat(policy).isEqualTo("{\"Version\": \"2012-10-17\", \"Statement\": ["
                + "{\"Effect\": \"Allow\", \"Action\": [\"sqs:ReceiveMessage\", \"sqs:DeleteMessage\","
                + " \"sqs:DeleteMessageBatch\"], \"Resource\": [\"" + QUEUE + "\"]}, "
                + "{\"Effect\": \"Allow\", \"Action\": [\"sqs:GetQueueUrl\"], \"Resource\": [\"*\"]}]}");
    }

    @Test
    void aRemovedActionGoesWithItsBatchNameAndAnEmptyPolicyStillParses() {
        String without = MotoPolicy.of(List.of(new MotoPolicy.Grant(List.of("sqs:SendMessage"), List.of(QUEUE))),
                "sqs:SendMessage");

        assertThat(without).doesNotContain("sqs:SendMessage").contains("sts:GetCallerIdentity");
    }
}
