package ${package};

import ${package}.api.TargetSpec;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.testkit.ConnectorContractTest;

/**
 * The contract every connector passes: descriptor, registration, the hooks on a sample object, the adapter workload's
 * shared rules, the generated CRD, and the example manifest (src/test/resources/examples/${kind}.yaml) read through
 * the spec type.
 */
class ConnectorPluginContractTest extends ConnectorContractTest {

    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:orders";

    @Override
    protected ConnectorPlugin plugin() {
        return new Connector();
    }

    @Override
    protected Object sampleSpec(String kind) {
        return new TargetSpec(TOPIC);
    }
}
