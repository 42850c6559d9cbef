package io.triggermesh.aws.e2e.suite;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guide's first example on a real cluster, when one is configured: {@code TRIGGERMESH_E2E_KUBECONFIG} (a cluster
 * where the chart is installed), {@code TRIGGERMESH_E2E_SQS_ARN} (a queue) and {@code TRIGGERMESH_E2E_AWS_ACCESS_KEY_ID}
 * / {@code TRIGGERMESH_E2E_AWS_SECRET_ACCESS_KEY} (keys that may send to it). Without them it is skipped, saying so.
 */
@ExtendWith(Summary.class)
class RealClusterIT {

    private static final Duration READY = Duration.ofMinutes(5);

    @Test
    void theGuidesSqsTargetBecomesReadyOnARealCluster() throws Exception {
        Map<String, String> env = System.getenv();
        assumeThat(env.get("TRIGGERMESH_E2E_KUBECONFIG"))
                .as("no real cluster configured: set TRIGGERMESH_E2E_KUBECONFIG, TRIGGERMESH_E2E_SQS_ARN,"
                        + " TRIGGERMESH_E2E_AWS_ACCESS_KEY_ID and TRIGGERMESH_E2E_AWS_SECRET_ACCESS_KEY (docs/e2e.md)")
                .isNotBlank();
        String namespace = "triggermesh-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Config config = Config.fromKubeconfig(Files.readString(Path.of(env.get("TRIGGERMESH_E2E_KUBECONFIG"))));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
            try {
                client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                        .withNewMetadata().withName("aws").endMetadata()
                        .addToStringData("AWS_ACCESS_KEY_ID", env.get("TRIGGERMESH_E2E_AWS_ACCESS_KEY_ID"))
                        .addToStringData("AWS_SECRET_ACCESS_KEY", env.get("TRIGGERMESH_E2E_AWS_SECRET_ACCESS_KEY"))
                        .build()).create();
                GenericKubernetesResource target = Serialization.unmarshal("""
                        apiVersion: targets.triggermesh.io/v1alpha1
                        kind: AWSSQSTarget
                        metadata: {name: e2e}
                        spec:
                          arn: %s
                          auth:
                            credentials:
                              accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                              secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                        """.formatted(env.get("TRIGGERMESH_E2E_SQS_ARN")), GenericKubernetesResource.class);
                client.genericKubernetesResources(Kinds.context("AWSSQSTarget").orElseThrow())
                        .inNamespace(namespace).resource(target).create();
                Waits.until("AWSSQSTarget e2e to be Ready on the cluster", READY, () -> Objects.isTrue(
                        client.genericKubernetesResources(Kinds.context("AWSSQSTarget").orElseThrow())
                                .inNamespace(namespace).withName("e2e").get(), "Ready"));
                Waits.until("the adapter Deployment to be available", READY, () -> {
                    Deployment d = client.apps().deployments().inNamespace(namespace).withName("awssqstarget-e2e")
                            .get();
                    return d != null && d.getStatus() != null && d.getStatus().getAvailableReplicas() != null
                            && d.getStatus().getAvailableReplicas() > 0;
                });
            } finally {
                client.namespaces().withName(namespace).delete();
            }
        }
    }
}
