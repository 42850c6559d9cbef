package io.triggermesh.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.AdapterWorkload;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3AdapterWorkloadTest {

    private final AwsS3SourceKind source = new AwsS3SourceKind(S3Fixtures.IMAGE);
    private final AwsS3TargetKind target = new AwsS3TargetKind(S3Fixtures.IMAGE);

    @Test
    void defaultImageIsTheS3AdapterTaggedWithThePluginVersion() {
        S3ConnectorPlugin plugin = new S3ConnectorPlugin();
        AdapterWorkload workload = ((AwsS3SourceKind) plugin.kinds().get(0))
                .adapter(S3Fixtures.object(AwsS3SourceKind.KIND, S3Fixtures.validSource()));
        assertThat(workload.image()).isEqualTo("ghcr.io/triggermesh-aws/adapter-s3:" + plugin.version());
    }

    @Test
    void sourceAdapterGetsTheBucketArnAndNoPort() {
        AdapterWorkload workload = source.adapter(S3Fixtures.object(AwsS3SourceKind.KIND,
                S3Fixtures.source(S3Fixtures.REGIONAL_BUCKET_ARN, "s3:ObjectCreated:*")));

        assertThat(workload.image()).isEqualTo(S3Fixtures.IMAGE);
        assertThat(workload.env()).containsExactlyEntriesOf(Map.of("ARN", S3Fixtures.REGIONAL_BUCKET_ARN));
        assertThat(workload.receivesHttp()).isFalse();
    }

    @Test
    void sourceAdapterWithAUserQueueGetsTheQueueArn() {
        AdapterWorkload workload = source.adapter(S3Fixtures.object(AwsS3SourceKind.KIND,
                S3Fixtures.sourceWithQueue(S3Fixtures.REGIONAL_BUCKET_ARN, S3Fixtures.USER_QUEUE_ARN)));

        assertThat(workload.env()).containsEntry("QUEUE_ARN", S3Fixtures.USER_QUEUE_ARN)
                .containsEntry("ARN", S3Fixtures.REGIONAL_BUCKET_ARN);
    }

    @Test
    void sourceAdapterWithAManagedQueueGetsThePublishedQueueArn() {
        String managed = "arn:aws:sqs:us-west-2:123456789012:triggermesh-s3_default_my-source";
        AdapterWorkload workload = source.adapter(S3Fixtures.object(AwsS3SourceKind.KIND,
                S3Fixtures.source(S3Fixtures.REGIONAL_BUCKET_ARN, "s3:ObjectCreated:*"), Map.of("queueARN", managed)));

        assertThat(workload.env()).containsEntry("QUEUE_ARN", managed);
    }

    @Test
    void aUserSuppliedQueueWinsOverAPublishedManagedOne() {
        AdapterWorkload workload = source.adapter(S3Fixtures.object(AwsS3SourceKind.KIND,
                S3Fixtures.sourceWithQueue(S3Fixtures.REGIONAL_BUCKET_ARN, S3Fixtures.USER_QUEUE_ARN),
                Map.of("queueARN", "arn:aws:sqs:us-west-2:123456789012:triggermesh-s3_default_my-source")));

        assertThat(workload.env()).containsEntry("QUEUE_ARN", S3Fixtures.USER_QUEUE_ARN);
    }

    @Test
    void targetAdapterListensOn8080AndKnowsWhetherToDiscardTheContext() {
        AdapterWorkload plain = target.adapter(S3Fixtures.object(AwsS3TargetKind.KIND,
                S3Fixtures.target(S3Fixtures.BUCKET_ARN)));
        AdapterWorkload discarding = target.adapter(S3Fixtures.object(AwsS3TargetKind.KIND,
                S3Fixtures.target(S3Fixtures.BUCKET_ARN, true)));

        assertThat(plain.httpPort()).hasValue(8080);
        assertThat(plain.env()).containsExactlyInAnyOrderEntriesOf(
                Map.of("ARN", S3Fixtures.BUCKET_ARN, "DISCARD_CLOUDEVENT_CONTEXT", "false"));
        assertThat(discarding.env()).containsEntry("DISCARD_CLOUDEVENT_CONTEXT", "true");
    }
}
