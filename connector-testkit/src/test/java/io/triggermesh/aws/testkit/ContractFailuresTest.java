package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract kit fails a plugin that breaks a rule, with a message that names the kind, the rule and the fix: one
 * deliberately wrong fake plugin per rule, and the well-behaved one passing everything.
 */
class ContractFailuresTest {

    private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:q";
    private static final String MANIFEST = """
            apiVersion: targets.triggermesh.io/v1alpha1
            kind: AWSFakeTarget
            metadata:
              name: orders
            spec:
              arn: arn:aws:sqs:eu-west-1:123456789012:q
              auth:
                iam:
                  roleArn: arn:aws:iam::123456789012:role/fake
              adapterOverrides:
                public: true
            """;

    @Test
    void aWellBehavedPluginPassesEveryCheck() {
        Contract contract = new Contract(FakePlugin.wellBehaved(), new FakePlugin.Spec(ARN), MANIFEST);

        assertThatCode(() -> {
            contract.adapterWorkloadFollowsTheSharedRules();
            contract.permissionsOfTheSampleResolveToValidArns();
            contract.crdGeneratorDescribesEveryKind();
            contract.exampleManifestRoundTripsThroughTheSpecType();
        }).doesNotThrowAnyException();
    }

    @Test
    void aWorkloadWithCredentialsFails() {
        Contract contract = contract(FakePlugin.wellBehaved().withAdapter(
                object -> AdapterWorkload.target(FakePlugin.IMAGE, Map.of("AWS_ACCESS_KEY_ID", "AKIA0"), 8080)));

        assertThatThrownBy(contract::adapterWorkloadFollowsTheSharedRules)
                .hasMessageContaining("AWSFakeTarget: adapter() sets AWS_ACCESS_KEY_ID, a credential: credentials come"
                        + " from spec.auth");
    }

    @Test
    void aWorkloadThatChangesTheIdentityFails() {
        Contract contract = contract(FakePlugin.wellBehaved().withAdapter(
                object -> AdapterWorkload.target(FakePlugin.IMAGE, Map.of("AWS_ROLE_ARN", "arn:x"), 8080)));

        assertThatThrownBy(contract::adapterWorkloadFollowsTheSharedRules)
                .hasMessageContaining("AWSFakeTarget: adapter() sets AWS_ROLE_ARN, which would change the adapter's"
                        + " AWS identity or endpoint outside spec.auth");
    }

    @Test
    void aWorkloadThatSetsTheControllersVariablesFails() {
        Contract contract = contract(FakePlugin.wellBehaved().withAdapter(
                object -> AdapterWorkload.target(FakePlugin.IMAGE, Map.of("NAME", "x"), 8080)));

        assertThatThrownBy(contract::adapterWorkloadFollowsTheSharedRules)
                .hasMessageContaining("AWSFakeTarget: adapter() sets NAME, which the controller sets for every"
                        + " adapter");
    }

    @Test
    void aTargetWithoutPortFails() {
        Contract contract = contract(FakePlugin.wellBehaved().withAdapter(
                object -> AdapterWorkload.source(FakePlugin.IMAGE, Map.of())));

        assertThatThrownBy(contract::adapterWorkloadFollowsTheSharedRules)
                .hasMessageContaining("AWSFakeTarget: adapter() must declare the port its adapter receives"
                        + " CloudEvents on");
    }

    @Test
    void aWorkloadCarryingASensitiveValueFails() {
        Contract contract = new Contract(FakePlugin.wellBehaved(),
                new FakePlugin.Spec(ARN + ConnectorContractTest.CANARY), MANIFEST);

        assertThatThrownBy(contract::adapterWorkloadFollowsTheSharedRules)
                .hasMessageContaining("AWSFakeTarget: adapter() sets ARN to a value holding the sample's sensitive"
                        + " field (the canary)");
    }

    @Test
    void aWorkloadThatChangesBetweenCallsFails() {
        Contract contract = contract(FakePlugin.wellBehaved().withAdapter(object -> AdapterWorkload.target(
                FakePlugin.IMAGE, Map.of("RUN", UUID.randomUUID().toString()), 8080)));

        assertThatThrownBy(contract::adapterWorkloadFollowsTheSharedRules)
                .hasMessageContaining("AWSFakeTarget: adapter() returned two different workloads for the same object")
                .hasMessageContaining("it must be deterministic");
    }

    @Test
    void anAdapterHookThatThrowsFails() {
        Contract contract = contract(FakePlugin.wellBehaved().withAdapter(object -> {
            throw new IllegalStateException("no auth");
        }));

        assertThatThrownBy(contract::adapterWorkloadFollowsTheSharedRules)
                .hasMessageContaining("AWSFakeTarget: adapter() threw java.lang.IllegalStateException: no auth for the"
                        + " sample object");
    }

    @Test
    void aPermissionThatResolvesToNoArnFails() {
        Contract contract = contract(FakePlugin.wellBehaved().withPermissions(
                IamPermission.of("FakeSend", List.of("sqs:SendMessage"), "arn:${partition}:sqs:${queue}")));

        assertThatThrownBy(contract::permissionsOfTheSampleResolveToValidArns)
                .hasMessageContaining("AWSFakeTarget: adapterPermissions() statement FakeSend resolves to resource"
                        + " 'arn:aws:sqs:q' for the sample object")
                .hasMessageContaining("it must be * or arn:partition:service:region:account:resource");
    }

    /** A spec field without a description: the CRD generator refuses it. */
    @JsonClassDescription("a spec with an undocumented field.")
    record Undocumented(@JsonPropertyDescription("ARN of the queue.") String arn, String secretMode) {
    }

    @Test
    void aSpecTheCrdGeneratorCannotDescribeFails() {
        Contract contract = new Contract(FakePlugin.withSpecType(Undocumented.class), new Undocumented(ARN, null),
                MANIFEST);

        assertThatThrownBy(contract::crdGeneratorDescribesEveryKind)
                .hasMessageContaining("plugin fake: the CRD generator cannot describe it:")
                .hasMessageContaining("secretMode");
    }

    @Test
    void aManifestOfAnotherKindFails() {
        Contract contract = new Contract(FakePlugin.wellBehaved(), new FakePlugin.Spec(ARN),
                MANIFEST.replace("kind: AWSFakeTarget", "kind: AWSOtherTarget"));

        assertThatThrownBy(contract::exampleManifestRoundTripsThroughTheSpecType)
                .hasMessageContaining("AWSFakeTarget: the example manifest is 'targets.triggermesh.io/v1alpha1"
                        + " AWSOtherTarget', not 'targets.triggermesh.io/v1alpha1 AWSFakeTarget'");
    }

    @Test
    void aManifestWithAFieldTheSpecTypeLacksFails() {
        Contract contract = new Contract(FakePlugin.wellBehaved(), new FakePlugin.Spec(ARN),
                MANIFEST + "  messageGroupId: orders\n");

        assertThatThrownBy(contract::exampleManifestRoundTripsThroughTheSpecType)
                .hasMessageContaining("AWSFakeTarget: the example manifest's spec does not bind to Spec as the"
                        + " controller binds it")
                .hasMessageContaining("messageGroupId");
    }

    /** A spec type that rewrites what the user wrote. */
    @JsonClassDescription("a spec that lowercases its ARN.")
    record Lowercasing(@JsonPropertyDescription("ARN of the queue.") String arn) {
        Lowercasing {
            arn = arn == null ? null : arn.toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void aSpecTypeThatRewritesTheManifestFails() {
        Contract contract = new Contract(FakePlugin.withSpecType(Lowercasing.class), new Lowercasing(ARN),
                MANIFEST.replace(":q", ":Orders"));

        assertThatThrownBy(contract::exampleManifestRoundTripsThroughTheSpecType)
                .hasMessageContaining("AWSFakeTarget: the example manifest's spec does not survive a round trip"
                        + " through Lowercasing")
                .hasMessageContaining("read back as {\"arn\":\"arn:aws:sqs:eu-west-1:123456789012:orders\"}");
    }

    @Test
    void aPluginWithoutExampleManifestIsToldWhereToPutOne() {
        Contract contract = new Contract(FakePlugin.wellBehaved(), new FakePlugin.Spec(ARN), null);

        assertThatThrownBy(contract::exampleManifestRoundTripsThroughTheSpecType)
                .hasMessageContaining("AWSFakeTarget: no example manifest. Put a complete AWSFakeTarget object")
                .hasMessageContaining("at src/test/resources/examples/AWSFakeTarget.yaml, or override"
                        + " exampleManifest(kind)");
    }

    private static Contract contract(ConnectorPlugin plugin) {
        return new Contract(plugin, new FakePlugin.Spec(ARN), MANIFEST);
    }

    /** The contract applied to a fake plugin, its sample spec and its example manifest (null: the default). */
    static final class Contract extends ConnectorContractTest {

        private final ConnectorPlugin plugin;
        private final Object sample;
        private final String manifest;

        Contract(ConnectorPlugin plugin, Object sample, String manifest) {
            this.plugin = plugin;
            this.sample = sample;
            this.manifest = manifest;
        }

        @Override
        protected ConnectorPlugin plugin() {
            return plugin;
        }

        @Override
        protected Object sampleSpec(String kind) {
            return sample;
        }

        @Override
        protected JsonNode exampleManifest(String kind) {
            return manifest == null ? super.exampleManifest(kind) : Manifests.read(manifest);
        }
    }
}
