package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The auth matrix runs the plugin's own hooks before it asks AWS anything: what a plugin returns is checked
 * against the shared rules in every credential mode (shown here without an emulator, on the part that needs none).
 */
class AuthMatrixPluginChecksTest {

    private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:q";

    @Test
    void theMatrixUsesThePluginsWorkloadAndPolicy() {
        Matrix matrix = new Matrix(FakePlugin.wellBehaved());

        assertThat(matrix.checkedWorkload().env()).containsEntry("ARN", ARN);
        assertThat(matrix.adapterPolicy()).contains("sqs:SendMessage")
                .contains("arn:aws:sqs:eu-west-1:123456789012:q");
        assertThat(matrix.apiVersion()).isEqualTo("targets.triggermesh.io/v1alpha1");
    }

    @Test
    void aPluginThatSetsASessionTokenFailsTheMatrix() {
        Matrix matrix = new Matrix(FakePlugin.wellBehaved().withAdapter(object -> AdapterWorkload.target(
                FakePlugin.IMAGE, Map.of("AWS_SESSION_TOKEN", "token"), 8080)));

        assertThatThrownBy(matrix::checkedWorkload)
                .hasMessageContaining("AWSFakeTarget: adapter() sets AWS_SESSION_TOKEN, a credential");
    }

    @Test
    void aPluginWhosePolicyDoesNotResolveFailsTheMatrix() {
        Matrix matrix = new Matrix(FakePlugin.wellBehaved().withPermissions(
                IamPermission.of("FakeSend", List.of("sqs:SendMessage"), "arn:${partition}:sqs:${queue}")));

        assertThatThrownBy(matrix::adapterPolicy)
                .hasMessageContaining("AWSFakeTarget: adapterPermissions() statement FakeSend resolves to resource"
                        + " 'arn:aws:sqs:q'");
    }

    @Test
    void aKindThePluginDoesNotHaveIsNamed() {
        Matrix matrix = new Matrix(FakePlugin.wellBehaved()) {
            @Override
            protected String kind() {
                return "AWSOtherTarget";
            }
        };

        assertThatThrownBy(matrix::checkedWorkload)
                .hasMessage("plugin fake has no kind AWSOtherTarget; its kinds are [AWSFakeTarget]");
    }

    /** The matrix for the fake plugin's one kind. */
    static class Matrix extends AuthMatrixContract {

        private final ConnectorPlugin plugin;

        Matrix(ConnectorPlugin plugin) {
            this.plugin = plugin;
        }

        @Override
        protected ConnectorPlugin plugin() {
            return plugin;
        }

        @Override
        protected String kind() {
            return FakePlugin.TARGET;
        }

        @Override
        protected Object sampleSpec() {
            return new FakePlugin.Spec(ARN);
        }
    }
}
