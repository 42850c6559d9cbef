package ${package};

import ${package}.api.TargetSpec;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.testkit.AuthMatrixContract;

/**
 * The standard authentication matrix against an AWS emulator: for every way spec.auth can be written, this plugin's
 * hooks are checked and the adapter's environment, built as the controller builds it, acts as the expected identity.
 */
class AuthMatrixIT extends AuthMatrixContract {

    @Override
    protected ConnectorPlugin plugin() {
        return new Connector();
    }

    @Override
    protected String kind() {
        return TargetKind.KIND;
    }

    @Override
    protected Object sampleSpec() {
        return new TargetSpec(ConnectorPluginContractTest.TOPIC);
    }
}
