package io.triggermesh.aws.s3;

import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AwsClients;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.testkit.AuthMatrixContract;
import java.util.Map;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The standard auth matrix for the S3 source's adapter environment, probed through the adapter's own client
 * construction (adapter-runtime's {@link AwsClients}, which both S3 adapters use), not only auth-core's chain.
 */
class S3AuthMatrixIT extends AuthMatrixContract {

    @Override
    protected ConnectorPlugin plugin() {
        return new S3ConnectorPlugin();
    }

    @Override
    protected String kind() {
        return AwsS3SourceKind.KIND;
    }

    @Override
    protected Object sampleSpec() {
        return new S3ConnectorPluginContractTest().sampleSpec(kind());
    }

    @Override
    protected String callerArnSeenByAdapter(Map<String, String> env) {
        return callerArnThroughAdapterClients(env);
    }

    /** The identity AWS sees for clients built the way the S3 adapters build theirs. */
    static String callerArnThroughAdapterClients(Map<String, String> env) {
        AdapterConfig config = AdapterConfig.fromEnvironment(env);
        try (AwsClients aws = AwsClients.fromConfig(config)) {
            StsClient sts = aws.client(StsClient.builder(), "sts", config.endpoints().region());
            return sts.getCallerIdentity().arn();
        }
    }
}
