package io.triggermesh.aws.s3;

import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.testkit.AuthMatrixContract;
import java.util.Map;

/** The standard auth matrix for the S3 target's adapter environment, through the adapter's client construction. */
class S3TargetAuthMatrixIT extends AuthMatrixContract {

    @Override
    protected ConnectorPlugin plugin() {
        return new S3ConnectorPlugin();
    }

    @Override
    protected String kind() {
        return AwsS3TargetKind.KIND;
    }

    @Override
    protected Object sampleSpec() {
        return new S3ConnectorPluginContractTest().sampleSpec(kind());
    }

    @Override
    protected String callerArnSeenByAdapter(Map<String, String> env) {
        return S3AuthMatrixIT.callerArnThroughAdapterClients(env);
    }
}
