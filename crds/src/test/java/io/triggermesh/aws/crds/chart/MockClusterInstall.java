package io.triggermesh.aws.crds.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.triggermesh.aws.cluster.Kubeconfigs;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The chart installed on fabric8's mock API server (CRUD mode) and the controller jar started as the rendered
 * Deployment starts it: same arguments, same environment, probes on the rendered paths and port. Only the HTTP port
 * (a free one) and the API server (the mock instead of the in-cluster configuration) differ.
 */
final class MockClusterInstall implements AutoCloseable {

    private static final String CONTROLLER_TOKEN = "triggermesh-controller-service-account-token";
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    final Chart.Rendered rendered;
    private final KubernetesMockServer server;
    final NamespacedKubernetesClient client;
    private Process controller;
    private Path log;
    private int port;

    /** Starts the API server and applies the CRDs, the {@code namespaces} and every rendered object. */
    MockClusterInstall(Chart.Rendered rendered, List<String> namespaces) {
        this.rendered = rendered;
        List<ObjectNode> crds = Chart.crds();
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
        List<String> all = new ArrayList<>(List.of(Chart.NAMESPACE));
        all.addAll(namespaces);
        for (String namespace : all) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                    .create();
        }
        for (ObjectNode crd : crds) {
            client.resource(Serialization.unmarshal(crd.toString(), CustomResourceDefinition.class)).create();
        }
        for (ObjectNode object : rendered.objects()) {
            HasMetadata created = client.resource(Serialization.unmarshal(object.toString(), HasMetadata.class))
                    .create();
            assertThat(created.getMetadata().getUid()).as(object.path("kind").asText()).isNotBlank();
        }
    }

    /** Starts the controller jar and waits until its readiness probe answers 200. */
    void startController() throws IOException {
        port = freePort();
        Path work = Files.createDirectories(Path.of("target", "chart-on-mock-cluster"));
        Path kubeconfig = work.resolve("kubeconfig");
        Kubeconfigs.write(kubeconfig, client.getConfiguration().getMasterUrl(), Chart.NAMESPACE, "controller",
                CONTROLLER_TOKEN);
        log = Files.createTempFile(work, "controller", ".log");
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
        env.put("TRIGGERMESH_HTTP_PORT", Integer.toString(port));
        env.put("TRIGGERMESH_KUBERNETES_KUBECONFIG", kubeconfig.toAbsolutePath().toString());
        env.put("HOSTNAME", "triggermesh-controller-0");
        env.put("AWS_REGION", "us-east-1");
        controller = builder.start();
        String readiness = rendered.controllerContainer().at("/readinessProbe/httpGet/path").asText();
        await("readiness probe " + readiness).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(status(readiness)).as(controllerLog()).isEqualTo(200));
    }

    /**
     * Plays the Deployment controller, which the mock API server lacks: every Deployment in {@code namespace} gets
     * the status of a finished rollout, so the controller sees its adapters available (and reports Ready, with an
     * Event) as on a real cluster.
     */
    void markDeploymentsAvailable(String namespace) {
        await("Deployments in " + namespace + " marked available").atMost(Duration.ofSeconds(30))
                .ignoreExceptions().untilAsserted(() -> {
                    for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list()
                            .getItems()) {
                        Long generation = deployment.getMetadata().getGeneration();
                        deployment.setStatus(new DeploymentStatusBuilder()
                                .withObservedGeneration(generation == null ? 1L : generation)
                                .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
                                .addNewCondition().withType("Available").withStatus("True")
                                .withReason("MinimumReplicasAvailable").endCondition()
                                .addNewCondition().withType("Progressing").withStatus("True")
                                .withReason("NewReplicaSetAvailable").endCondition()
                                .build());
                        client.resource(deployment).updateStatus();
                    }
                });
    }

    /** Every request made with the controller's token so far (drained: the next call returns only newer ones). */
    List<RecordedRequest> controllerRequests() throws InterruptedException {
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

    /** The rendered RBAC of the controller's ServiceAccount. */
    RbacRules rbac() {
        return new RbacRules(rendered, Chart.NAMESPACE,
                rendered.deployment().at("/spec/template/spec/serviceAccountName").asText());
    }

    String controllerLog() {
        try {
            return log == null || !Files.exists(log) ? "" : "controller log:\n" + Files.readString(log);
        } catch (IOException e) {
            return "controller log unreadable: " + e;
        }
    }

    /** The HTTP status of {@code path} on the controller's port, -1 when it does not answer. */
    int status(String path) {
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

    String body(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws InterruptedException {
        if (controller != null) {
            controller.destroy();
            if (!controller.waitFor(20, TimeUnit.SECONDS)) {
                controller.destroyForcibly();
            }
        }
        client.close();
        server.destroy();
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
