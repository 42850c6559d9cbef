package io.triggermesh.aws.crds.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chart's controller manifests (CRDs, ServiceAccount, RBAC, metrics Service, Deployment) applied to fabric8's mock
 * API server, and the controller jar started as the rendered Deployment starts it. Every request the controller then
 * makes while reconciling real objects is checked against the rendered RBAC rules, so the chart grants what the
 * controller uses and the test fails when the controller starts needing more. Both install modes are covered:
 * cluster-wide (ClusterRole) and namespaced (Roles in {@code controller.watchNamespaces} only).
 */
class ChartOnMockClusterIT {

    private MockClusterInstall install;
    private NamespacedKubernetesClient client;

    @AfterEach
    void stop() throws InterruptedException {
        if (install != null) {
            install.close();
        }
    }

    @Test
    void renderedControllerStartsReconcilesAndNeedsNoMoreThanItsRbac() throws Exception {
        start(Map.of(), List.of("events"));
        String liveness = install.rendered.controllerContainer().at("/livenessProbe/httpGet/path").asText();
        assertThat(install.status(liveness)).isEqualTo(200);
        assertThat(install.body("/prometheus")).contains("jvm_memory_used_bytes");
        awaitLease();

        reconcileObjectsOfEveryAuthMode();

        List<String> denied = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        RbacRules rbac = install.rbac();
        for (RecordedRequest request : install.controllerRequests()) {
            RbacRules.of(request.getMethod(), request.getPath()).ifPresent(r -> {
                seen.add(r.verb() + " " + r.resource() + (r.subresource().isEmpty() ? "" : "/" + r.subresource()));
                if (!rbac.allows(r)) {
                    denied.add(r.describe());
                }
            });
        }
        assertThat(seen).as("the controller's requests").contains("watch awss3targets", "update awss3targets/status",
                "create deployments", "create serviceaccounts", "create secrets", "delete serviceaccounts",
                "get secrets", "create events", "create leases", "patch leases");
        assertThat(seen).noneMatch(s -> s.equals("list secrets") || s.equals("watch secrets"));
        assertThat(denied).as("requests the chart's RBAC would refuse").isEmpty();
    }

    /**
     * {@code controller.watchNamespaces: [events]}: only Roles are rendered, the controller reconciles objects in
     * {@code events} and never looks at {@code other}, and every request it makes is namespaced, in {@code events}
     * or its own Lease's namespace, and allowed by those Roles.
     */
    @Test
    void namespacedInstallWatchesOnlyItsNamespacesAndNeedsOnlyItsRoles() throws Exception {
        start(Map.of("controller.watchNamespaces[0]", "events"), List.of("events", "other"));
        assertThat(install.rendered.ofKind("ClusterRole")).isEmpty();
        assertThat(install.rendered.ofKind("ClusterRoleBinding")).isEmpty();
        awaitLease();

        GenericKubernetesResource watched = literalKeysTarget("events");
        GenericKubernetesResource ignored = literalKeysTarget("other");
        await("the object in events reconciled").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(status(watched)).as(install.controllerLog()).containsKey("conditions");
            assertThat(client.apps().deployments().inNamespace("events").list().getItems()).hasSize(1);
        });
        install.markDeploymentsAvailable("events");
        await("the object in events Ready").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status(watched).toString()).as(install.controllerLog()).contains("reason=Ready"));

        assertThat(status(ignored)).as("the object in a namespace that is not watched").isEmpty();
        assertThat(client.apps().deployments().inNamespace("other").list().getItems()).isEmpty();
        RbacRules rbac = install.rbac();
        List<String> outside = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        for (RecordedRequest request : install.controllerRequests()) {
            RbacRules.of(request.getMethod(), request.getPath()).ifPresent(r -> {
                if (!Set.of("events", Chart.NAMESPACE).contains(r.namespace())) {
                    outside.add(r.describe());
                }
                if (!rbac.allows(r)) {
                    denied.add(r.describe());
                }
            });
        }
        assertThat(outside).as("cluster-wide or other-namespace requests").isEmpty();
        assertThat(denied).as("requests the rendered Roles would refuse").isEmpty();
    }

    private void start(Map<String, Object> values, List<String> namespaces) throws IOException {
        install = new MockClusterInstall(Chart.render(values), namespaces);
        client = install.client;
        install.startController();
    }

    private void awaitLease() {
        String leaseName = install.rendered.env().get("TRIGGERMESH_CONTROLLER_LEASE_NAME");
        await("lease").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.leases().inNamespace(Chart.NAMESPACE).withName(leaseName).get()).isNotNull());
    }

    private GenericKubernetesResource literalKeysTarget(String namespace) {
        return client.resource(Serialization.unmarshal("""
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata: {name: archive, namespace: %s}
                spec:
                  arn: arn:aws:s3:::archive
                  auth: {credentials: {accessKeyID: {value: AKIAIOSFODNN7EXAMPLE},
                         secretAccessKey: {value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}}}
                """.formatted(namespace), GenericKubernetesResource.class)).create();
    }


    /**
     * Objects of the user guide through the controller: an IRSA target (ServiceAccount created), the same target
     * switched to literal keys (ServiceAccount released, owned Secret created) and a session-token target reading
     * a Secret.
     */
    private void reconcileObjectsOfEveryAuthMode() throws IOException {
        client.resource(new SecretBuilder().withNewMetadata().withName("aws").withNamespace("events").endMetadata()
                .withStringData(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret",
                        "AWS_SESSION_TOKEN", "token"))
                .build()).create();
        Path examples = Path.of(System.getProperty("repository.root", "..")).resolve("examples/aws-credentials");
        GenericKubernetesResource irsa = example(examples.resolve("create-the-aws-target.yaml"));
        GenericKubernetesResource sessionToken =
                example(examples.resolve("using-temporary-credentials-with-aws-iam-roles-anywhere.yaml"));
        client.resource(irsa).create();
        client.resource(sessionToken).create();

        String target = irsa.getMetadata().getName();
        await("ServiceAccount of the IRSA target").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.serviceAccounts().inNamespace("events").withName("awss3target-i-" + target).get())
                        .as(install.controllerLog()).isNotNull());
        await("Deployments and status").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace("events").list().getItems()).hasSize(2);
            assertThat(status(irsa)).containsKey("conditions");
            assertThat(status(sessionToken)).containsKey("conditions");
        });
        // Ready (and its Event) needs available adapters, which the mock's missing Deployment controller never has.
        install.markDeploymentsAvailable("events");
        await("Ready").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status(sessionToken).toString()).as(install.controllerLog()).contains("reason=Ready"));

        GenericKubernetesResource current = client.genericKubernetesResources(irsa.getApiVersion(), irsa.getKind())
                .inNamespace("events").withName(target).get();
        Map<String, Object> spec = new LinkedHashMap<>(castMap(current.getAdditionalProperties().get("spec")));
        spec.put("auth", Map.of("credentials", Map.of(
                "accessKeyID", Map.of("value", "AKIAIOSFODNN7EXAMPLE"),
                "secretAccessKey", Map.of("value", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))));
        current.getAdditionalProperties().put("spec", spec);
        current.getMetadata().setGeneration(2L);
        client.resource(current).update();
        await("owned Secret created, ServiceAccount released").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.secrets().inNamespace("events").withName("awss3target-" + target + "-aws-credentials")
                    .get()).as(install.controllerLog()).isNotNull();
            assertThat(client.serviceAccounts().inNamespace("events").withName("awss3target-i-" + target).get())
                    .isNull();
        });
    }

    private GenericKubernetesResource example(Path file) throws IOException {
        GenericKubernetesResource object = Serialization.unmarshal(Files.readString(file),
                GenericKubernetesResource.class);
        object.getMetadata().setNamespace("events");
        return object;
    }

    private Map<String, Object> status(GenericKubernetesResource object) {
        GenericKubernetesResource current = client.genericKubernetesResources(object.getApiVersion(),
                object.getKind()).inNamespace(object.getMetadata().getNamespace())
                .withName(object.getMetadata().getName()).get();
        Object status = current == null ? null : current.getAdditionalProperties().get("status");
        return status == null ? Map.of() : castMap(status);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
