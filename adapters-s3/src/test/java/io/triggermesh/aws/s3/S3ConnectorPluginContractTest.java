package io.triggermesh.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.testkit.ConnectorContractTest;
import io.triggermesh.aws.testkit.SpecShapes;
import java.util.List;

/** The contract every connector passes, applied to the S3 plugin. */
class S3ConnectorPluginContractTest extends ConnectorContractTest {

    @Override
    protected ConnectorPlugin plugin() {
        return new S3ConnectorPlugin();
    }

    @Override
    protected Object sampleSpec(String kind) {
        return switch (kind) {
            case AwsS3SourceKind.KIND -> new AwsS3SourceSpec(S3Fixtures.REGIONAL_BUCKET_ARN,
                    List.of("s3:ObjectCreated:*"), null);
            case AwsS3TargetKind.KIND -> new AwsS3TargetSpec(S3Fixtures.BUCKET_ARN, true);
            default -> throw new IllegalArgumentException("unexpected kind " + kind);
        };
    }

    @Override
    protected JsonNode exampleManifest(String kind) {
        return SpecShapes.manifest(switch (kind) {
            case AwsS3SourceKind.KIND -> "awss3source-complete.yaml";
            case AwsS3TargetKind.KIND -> "page-awss3target-iam-role.yaml";
            default -> throw new IllegalArgumentException("unexpected kind " + kind);
        });
    }
}
