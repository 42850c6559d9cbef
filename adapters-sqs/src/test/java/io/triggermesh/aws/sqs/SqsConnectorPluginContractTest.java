package io.triggermesh.aws.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import io.triggermesh.aws.testkit.ConnectorContractTest;
import io.triggermesh.aws.testkit.SpecShapes;

/** The contract every connector passes, applied to the SQS plugin. */
class SqsConnectorPluginContractTest extends ConnectorContractTest {

    @Override
    protected ConnectorPlugin plugin() {
        return new SqsConnectorPlugin();
    }

    @Override
    protected Object sampleSpec(String kind) {
        return switch (kind) {
            case AwsSqsSourceKind.KIND -> new AwsSqsSourceSpec(SqsFixtures.QUEUE_ARN, null, null, null, null);
            case AwsSqsTargetKind.KIND -> new AwsSqsTargetSpec(SqsFixtures.FIFO_QUEUE_ARN, "group-1", true);
            default -> throw new IllegalArgumentException("unexpected kind " + kind);
        };
    }

    @Override
    protected JsonNode exampleManifest(String kind) {
        return SpecShapes.manifest(switch (kind) {
            case AwsSqsSourceKind.KIND -> "awssqssource-complete.yaml";
            case AwsSqsTargetKind.KIND -> "awssqstarget-cross-account.yaml";
            default -> throw new IllegalArgumentException("unexpected kind " + kind);
        });
    }
}
