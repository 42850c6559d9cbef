package io.triggermesh.aws.sqs;

import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.testkit.AuthMatrixContract;

/** The standard auth matrix for the SQS target's adapter environment (the guide's first example). */
class SqsAuthMatrixIT extends AuthMatrixContract {

    @Override
    protected ConnectorPlugin plugin() {
        return new SqsConnectorPlugin();
    }

    @Override
    protected String kind() {
        return AwsSqsTargetKind.KIND;
    }

    @Override
    protected Object sampleSpec() {
        return new SqsConnectorPluginContractTest().sampleSpec(kind());
    }
}
