package io.triggermesh.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.Condition;
import io.triggermesh.aws.controller.reconcile.DeploymentAvailability;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode plays the kubelet: the Deployment's status follows the adapter process's {@code /health}, so an adapter
 * that answers 503 (an SQS target whose queue does not exist) leaves Deployed, and so Ready, False.
 */
class LocalAvailabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void deploymentStatusFollowsTheAdapterHealthCodeBothWays() throws Exception {
        Path healthy = workDir.resolve("healthy");
        try (InMemoryCluster cluster = InMemoryCluster.start(
                PluginRegistry.load(getClass().getClassLoader(), Set.of()).descriptors(), workDir);
             LocalRunner runner = new LocalRunner(cluster.client(), workDir, System.getProperty("java.class.path"),
                     new PrintStream(new ByteArrayOutputStream()), Map.of())) {
            NamespacedKubernetesClient kube = cluster.client();
            runner.start();
            kube.resource(target(healthy)).create();

            Condition down = await().atMost(WAIT).until(() -> deployed(kube), c -> "False".equals(c.status()));
            assertThat(down.reason()).isEqualTo("MinimumReplicasUnavailable");
            assertThat(down.message()).contains("0 of 1 replica available");

            Files.createFile(healthy);
            Condition up = await().atMost(WAIT).until(() -> deployed(kube), c -> "True".equals(c.status()));
            assertThat(up.message()).contains("1 of 1 replica available");

            Files.delete(healthy);
            await().atMost(WAIT).until(() -> deployed(kube), c -> "False".equals(c.status()));
        }
    }

    private static Condition deployed(NamespacedKubernetesClient kube) {
        Deployment deployment = kube.apps().deployments().inNamespace("default").withName("stub").get();
        return DeploymentAvailability.condition(deployment);
    }

    private static Deployment target(Path healthy) {
        return new DeploymentBuilder()
                .withNewMetadata().withName("stub").withNamespace("default")
                    .withLabels(Map.of(ServiceAccountConventions.MANAGED_BY_LABEL,
                            ServiceAccountConventions.MANAGED_BY_VALUE))
                .endMetadata()
                .withNewSpec().withReplicas(1)
                    .withNewSelector().withMatchLabels(Map.of("app", "stub")).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(Map.of("app", "stub")).endMetadata()
                        .withNewSpec().addNewContainer().withName("adapter").withImage("stub")
                            .withEnv(env("KIND", HealthStub.KIND, "NAME", "stub", "NAMESPACE", "default",
                                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIAHEALTHSTUB000001",
                                    "AWS_SECRET_ACCESS_KEY", "health-stub-secret",
                                    "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "HEALTHY_FILE", healthy.toString()))
                            .addNewPort().withName("http").withContainerPort(8080).endPort()
                        .endContainer().endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static List<EnvVar> env(String... namesAndValues) {
        List<EnvVar> env = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.add(new EnvVar(namesAndValues[i], namesAndValues[i + 1], null));
        }
        return env;
    }
}
