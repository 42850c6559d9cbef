package io.triggermesh.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsAdapterWorkloadTest {

    private final AwsSqsSourceKind source = new AwsSqsSourceKind(SqsFixtures.IMAGE);
    private final AwsSqsTargetKind target = new AwsSqsTargetKind(SqsFixtures.IMAGE);

    @Test
    void defaultImageIsTheSqsAdapterTaggedWithThePluginVersion() {
        SqsConnectorPlugin plugin = new SqsConnectorPlugin();
        AdapterWorkload workload = ((AwsSqsTargetKind) plugin.kinds().get(1))
                .adapter(SqsFixtures.object(AwsSqsTargetKind.KIND, SqsFixtures.target(SqsFixtures.QUEUE_ARN)));
        assertThat(workload.image()).isEqualTo("ghcr.io/triggermesh-aws/adapter-sqs:" + plugin.version());
    }

    @Test
    void minimalSourceGetsTheArnAndTheDefaultProcessor() {
        AdapterWorkload workload = source.adapter(SqsFixtures.object(AwsSqsSourceKind.KIND,
                SqsFixtures.source(SqsFixtures.QUEUE_ARN)));

        assertThat(workload.receivesHttp()).isFalse();
        assertThat(workload.env()).containsExactlyInAnyOrderEntriesOf(
                Map.of("ARN", SqsFixtures.QUEUE_ARN, "MESSAGE_PROCESSOR", "default"));
    }

    @Test
    void everySourceOptionReachesTheAdapter() {
        AwsSqsSourceSpec spec = new AwsSqsSourceSpec(SqsFixtures.QUEUE_ARN,
                new AwsSqsSourceSpec.ReceiveOptions("1h30m"), "s3",
                new AwsSqsSourceSpec.Endpoint("http://elasticmq:9324"), "123456789012");

        assertThat(source.adapter(SqsFixtures.object(AwsSqsSourceKind.KIND, spec)).env())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ARN", SqsFixtures.QUEUE_ARN,
                        "MESSAGE_PROCESSOR", "s3",
                        "VISIBILITY_TIMEOUT_SECONDS", "5400",
                        "AWS_ENDPOINT_URL_SQS", "http://elasticmq:9324",
                        "QUEUE_OWNER_ACCOUNT_ID", "123456789012"));
    }

    @Test
    void targetListensOn8080WithItsGroupAndContextSetting() {
        AdapterWorkload workload = target.adapter(SqsFixtures.object(AwsSqsTargetKind.KIND,
                new AwsSqsTargetSpec(SqsFixtures.FIFO_QUEUE_ARN, "orders", true)));

        assertThat(workload.httpPort()).hasValue(8080);
        assertThat(workload.env()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ARN", SqsFixtures.FIFO_QUEUE_ARN, "MESSAGE_GROUP_ID", "orders",
                "DISCARD_CLOUDEVENT_CONTEXT", "true"));
    }

    @Test
    void targetWithoutOptionsKeepsTheWholeEvent() {
        assertThat(target.adapter(SqsFixtures.object(AwsSqsTargetKind.KIND,
                SqsFixtures.target(SqsFixtures.QUEUE_ARN))).env())
                .containsEntry("DISCARD_CLOUDEVENT_CONTEXT", "false").doesNotContainKey("MESSAGE_GROUP_ID");
    }
}
