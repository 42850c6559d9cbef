package io.triggermesh.aws.crds.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chart's controller manifests (CRDs, ServiceAccount, RBAC, metrics Service, Deployment) applied to fabric8's mock
 * API server, and the controller jar started as the rendered Deployment starts it: same arguments, same environment,
 * probes on the rendered paths and port. Every request the controller then makes while reconciling real objects is
 * checked against the rendered RBAC rules, so the chart grants what the controller uses and the test fails when the
 * controller starts needing more.
 */
class ChartOnMockClusterIT {

    private static final String CONTROLLER_TOKEN = "triggermesh-controller-service-account-token";
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private KubernetesMockServer server;
    private NamespacedKubernetesClient client;
    private Process controller;
    private Path log;

    @AfterEach
    void stop() throws InterruptedException {
        if (controller != null) {
            controller.destroy();
            if (!controller.waitFor(20, TimeUnit.SECONDS)) {
                controller.destroyForcibly();
            }
        }
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void renderedControllerStartsReconcilesAndNeedsNoMoreThanItsRbac() throws Exception {
        Chart.Rendered rendered = Chart.render(Map.of());
        List<ObjectNode> crds = Chart.crds();
        startApiServer(crds);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(Chart.NAMESPACE).endMetadata().build())
                .create();
        client.resource(new NamespaceBuilder().withNewMetadata().withName("events").endMetadata().build()).create();
        for (ObjectNode crd : crds) {
            client.resource(Serialization.unmarshal(crd.toString(), CustomResourceDefinition.class)).create();
        }
        for (ObjectNode object : rendered.objects()) {
            HasMetadata created = client.resource(Serialization.unmarshal(object.toString(), HasMetadata.class))
                    .create();
            assertThat(created.getMetadata().getUid()).as(object.path("kind").asText()).isNotBlank();
        }

        int port = freePort();
        controller = startController(rendered, port);
        JsonNode container = rendered.controllerContainer();
        String liveness = container.at("/livenessProbe/httpGet/path").asText();
        String readiness = container.at("/readinessProbe/httpGet/path").asText();
        await("readiness probe " + readiness).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(status(port, readiness)).as(controllerLog()).isEqualTo(200));
        assertThat(status(port, liveness)).isEqualTo(200);
        assertThat(body(port, "/prometheus")).contains("jvm_memory_used_bytes");

        String leaseName = rendered.env().get("TRIGGERMESH_CONTROLLER_LEASE_NAME");
        await("lease").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.leases().inNamespace(Chart.NAMESPACE).withName(leaseName).get()).isNotNull());

        reconcileObjectsOfEveryAuthMode();

        List<String> denied = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        RbacRules rbac = new RbacRules(rendered, Chart.NAMESPACE,
                rendered.deployment().at("/spec/template/spec/serviceAccountName").asText());
        for (RecordedRequest request : controllerRequests()) {
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
                        .as(controllerLog()).isNotNull());
        await("Deployments and status").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace("events").list().getItems()).hasSize(2);
            assertThat(status(irsa)).containsKey("conditions");
            assertThat(status(sessionToken)).containsKey("conditions");
        });

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
                    .get()).as(controllerLog()).isNotNull();
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
                object.getKind()).inNamespace("events").withName(object.getMetadata().getName()).get();
        Object status = current == null ? null : current.getAdditionalProperties().get("status");
        return status == null ? Map.of() : castMap(status);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private void startApiServer(List<ObjectNode> crds) {
        // The custom resources are known from the chart's CRDs, as a real API server would learn them.
        List<CustomResourceDefinitionContext> kinds = new ArrayList<>();
        for (ObjectNode crd : crds) {
            kinds.add(CustomResourceDefinitionContext.fromCrd(
                    Serialization.unmarshal(crd.toString(), CustomResourceDefinition.class)));
        }
        Map<io.fabric8.mockwebserver.ServerRequest, java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>
                responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses, kinds), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    private Process startController(Chart.Rendered rendered, int port) throws IOException {
        Path work = Files.createDirectories(Path.of("target", "chart-on-mock-cluster"));
        Path kubeconfig = work.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: mock
                  context: {cluster: mock, user: controller, namespace: %s}
                current-context: mock
                users:
                - name: controller
                  user: {token: %s}
                """.formatted(client.getConfiguration().getMasterUrl(), Chart.NAMESPACE, CONTROLLER_TOKEN));
        log = work.resolve("controller.log");
        Path jar = Path.of(System.getProperty("controller.jar", "../controller/target/controller.jar"));
        assertThat(jar).as("the controller jar; build it with ./mvnw -B -pl crds -am verify").exists();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", jar.toAbsolutePath().toString()));
        rendered.controllerContainer().path("args").forEach(a -> command.add(a.asText()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TRIGGERMESH_") || k.startsWith("AWS_") || k.equals("KUBECONFIG"));
        for (JsonNode var : rendered.controllerContainer().path("env")) {
            String name = var.path("name").asText();
            if (var.has("value")) {
                env.put(name, var.path("value").asText());
            } else if (var.at("/valueFrom/fieldRef/fieldPath").asText().equals("metadata.namespace")) {
                env.put(name, Chart.NAMESPACE);  // what the kubelet fills in
            } else {
                throw new AssertionError("unexpected env source in the Deployment: " + var);
            }
        }
        // Only the port differs from the Deployment (a free one on this machine), and the API server is the mock
        // instead of the in-cluster configuration.
        env.put("TRIGGERMESH_HTTP_PORT", Integer.toString(port));
        env.put("TRIGGERMESH_KUBERNETES_KUBECONFIG", kubeconfig.toAbsolutePath().toString());
        env.put("HOSTNAME", "triggermesh-controller-0");
        env.put("AWS_REGION", "us-east-1");
        return builder.start();
    }

    private List<RecordedRequest> controllerRequests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            if (("Bearer " + CONTROLLER_TOKEN).equals(request.getHeader("Authorization"))) {
                out.add(request);
            }
        }
        assertThat(out).as("requests made with the controller's token").isNotEmpty();
        return out;
    }

    private String controllerLog() {
        try {
            return log == null || !Files.exists(log) ? "" : "controller log:\n" + Files.readString(log);
        } catch (IOException e) {
            return "controller log unreadable: " + e;
        }
    }

    private static int status(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }
}
