package io.triggermesh.aws.controller.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterWorkloadsTest {

    private static final OwnerObject OWNER = new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSSQSTarget",
            "team-a", "orders", "uid-1");
    private static final AwsAuth LITERAL_KEYS = AwsAuth.ofCredentials(Credentials.keys(
            ValueSource.literal("AKIDCANARY"), ValueSource.literal("SECRETCANARY")));

    private static AdapterInput input(AdapterOverrides overrides) {
        AdapterWorkload workload = AdapterWorkload.target("img:1", Map.of("ARN", "arn:x"), 8080);
        return new AdapterInput(OWNER, workload, AdapterEnvironment.render(OWNER, LITERAL_KEYS), null,
                null, overrides, "v1", AdapterSettings.defaults());
    }

    @Test
    void deploymentNeverCarriesLiteralCredentials() {
        Deployment deployment = AdapterWorkloads.deployment(input(null));

        String json = Serialization.asJson(deployment);
        assertThat(json).doesNotContain("AKIDCANARY").doesNotContain("SECRETCANARY");
        assertThat(container(deployment).getEnv()).filteredOn(e -> e.getName().startsWith("AWS_ACCESS"))
                .singleElement().satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                        .isEqualTo("awssqstarget-orders-aws-credentials"));
    }

    @Test
    void adapterRunsUnprivilegedWithAReadOnlyRootFilesystem() {
        Deployment deployment = AdapterWorkloads.deployment(input(null));

        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        var security = container(deployment).getSecurityContext();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    }

    @Test
    void ownerReferenceMakesTheObjectTheControllerSoDeletionCascades() {
        Deployment deployment = AdapterWorkloads.deployment(input(null));

        assertThat(deployment.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getUid()).isEqualTo("uid-1");
            assertThat(ref.getController()).isTrue();
            assertThat(ref.getBlockOwnerDeletion()).isTrue();
        });
    }

    @Test
    void theContainerNamesNoMainClassButTheKindTheImagesLauncherStarts() {
        Container container = container(AdapterWorkloads.deployment(input(null)));

        assertThat(container.getArgs()).isEmpty();
        assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("KIND")).singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("AWSSQSTarget"));
    }

    @Test
    void renderingTwiceGivesTheSameDeployment() {
        assertThat(AdapterWorkloads.deployment(input(null))).isEqualTo(AdapterWorkloads.deployment(input(null)));
    }

    @Test
    void overridesAddEnvLabelsResourcesAndPublicMakesALoadBalancer() {
        AdapterOverrides overrides = new AdapterOverrides(true, List.of(new AdapterOverrides.Env("LOG", "debug")),
                new AdapterOverrides.Resources(Map.of("cpu", "200m"), Map.of("memory", "1Gi")),
                Map.of("team", "a"), Map.of("note", "x"), Map.of("disk", "ssd"), null);

        Deployment deployment = AdapterWorkloads.deployment(input(overrides));
        Service service = AdapterWorkloads.service(input(overrides));

        Container container = container(deployment);
        assertThat(container.getEnv()).extracting(EnvVar::getName).endsWith("LOG");
        assertThat(container.getResources().getRequests().get("cpu").toString()).isEqualTo("200m");
        assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team", "a");
        assertThat(deployment.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("disk", "ssd");
        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(8080);
    }

    @Test
    void overridesCannotReplaceVariablesTheControllerSets() {
        AdapterOverrides overrides = new AdapterOverrides(null, List.of(new AdapterOverrides.Env("NAME", "other")),
                null, null, null, null, null);

        Deployment deployment = AdapterWorkloads.deployment(input(overrides));

        assertThat(container(deployment).getEnv()).filteredOn(e -> e.getName().equals("NAME"))
                .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("orders"));
    }

    @Test
    void rotatingAReferencedSecretChangesThePodTemplate() {
        AdapterInput before = input(null);
        AdapterInput after = new AdapterInput(OWNER, before.workload(), before.authEnv(), null, null, null, "v2",
                AdapterSettings.defaults());

        assertThat(AdapterWorkloads.deployment(after).getSpec().getTemplate())
                .isNotEqualTo(AdapterWorkloads.deployment(before).getSpec().getTemplate());
    }

    @Test
    void longObjectNamesGiveValidServiceNames() {
        OwnerObject longName = new OwnerObject(OWNER.apiVersion(), OWNER.kind(), "ns", "a".repeat(80), "uid");

        assertThat(AdapterNames.workload(longName)).hasSizeLessThanOrEqualTo(63)
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
