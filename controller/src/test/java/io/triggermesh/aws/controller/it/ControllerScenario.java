package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario: a fresh mock Kubernetes API, a reset AWS emulator and the real controller against both, plus the
 * reads and waits the scenario ITs share. Subclasses tune the controller through {@link #controllerProperties()}.
 */
@ExtendWith(AwsEmulatorExtension.class)
abstract class ControllerScenario {

    static final String NS = "default";
    static final String TARGETS = "targets.triggermesh.io/v1alpha1";
    static final String SOURCES = "sources.triggermesh.io/v1alpha1";
    static final String S3_TARGET = "AWSS3Target";
    static final String SQS_TARGET = "AWSSQSTarget";
    static final String QUEUE_SOURCE = QueueTestPlugin.KIND;
    static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String CONTROLLER = "triggermesh-controller";
    static final Duration CONVERGE = Duration.ofSeconds(20);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @TempDir
    Path workDir;

    AwsEmulator aws;
    InMemoryCluster cluster;
    ControllerHarness controller;
    NamespacedKubernetesClient kube;
    FakeKubelet kubelet;

    @BeforeEach
    void startScenario(AwsEmulator emulator) {
        aws = emulator;
        aws.reset();
        QueueTestPlugin.resetCounters();
        cluster = InMemoryCluster.start(PluginRegistry.load(getClass().getClassLoader(), Set.of()).descriptors(),
                workDir);
        kube = cluster.client();
        kubelet = new FakeKubelet(kube);
        controller = startController();
    }

    @AfterEach
    void stopScenario() {
        if (controller != null) {
            controller.close();
        }
        kubelet.close();
        cluster.close();
    }

    /** Controller settings on top of {@link ControllerHarness}'s (fast backoff, no leader election). */
    Map<String, Object> controllerProperties() {
        return Map.of();
    }

    /** Starts a controller replica with {@link #controllerProperties()}; teardown only closes the first one. */
    ControllerHarness startController() {
        return ControllerHarness.start(cluster, aws.endpoint().toString(), controllerProperties());
    }

    // ---- objects ----------------------------------------------------------------------------------------------

    GenericKubernetesResource apply(String yaml) {
        return kube.resource(Serialization.unmarshal(yaml, GenericKubernetesResource.class)).create();
    }

    /** An AWSS3Target (no managed AWS resources, no sink) with {@code auth} as a YAML flow mapping. */
    GenericKubernetesResource s3Target(String name, String auth) {
        return apply("""
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata: {name: %s, namespace: default}
                spec:
                  arn: arn:aws:s3:::test-bucket
                  auth: %s
                """.formatted(name, auth));
    }

    /** An AWSSQSTarget with {@code auth} as a YAML flow mapping. */
    GenericKubernetesResource sqsTarget(String name, String auth) {
        return apply("""
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: %s, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:queue_name
                  auth: %s
                """.formatted(name, auth));
    }

    /** A test source that creates an SQS queue with the object's own identity; {@code auth} as a flow mapping. */
    GenericKubernetesResource queueSource(String name, String auth) {
        return apply("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSQueueTestSource
                metadata: {name: %s, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:ignored
                  sink: {uri: "http://sink.default.svc.cluster.local"}
                  auth: %s
                """.formatted(name, auth));
    }

    /** Replaces {@code spec.auth} of an object with {@code auth} (a YAML flow mapping). */
    @SuppressWarnings("unchecked")
    void setAuth(String apiVersion, String kind, String name, String auth) {
        // Wrapped in a mapping: a document starting with '{' would be read as JSON, and flow YAML is not JSON.
        Object parsed = Serialization.unmarshal("auth: " + auth, Map.class).get("auth");
        edit(apiVersion, kind, name, r -> ((Map<String, Object>) r.getAdditionalProperties().get("spec"))
                .put("auth", parsed));
    }

    /** Changes an object as a user would: read, change, write; again on 409, since the controller writes too. */
    void edit(String apiVersion, String kind, String name, Consumer<GenericKubernetesResource> change) {
        await().atMost(CONVERGE).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k
                && k.getCode() == 409).until(() -> {
                    kube.genericKubernetesResources(apiVersion, kind).inNamespace(NS).withName(name).edit(r -> {
                        change.accept(r);
                        return r;
                    });
                    return true;
                });
    }

    void delete(String apiVersion, String kind, String name) {
        kube.genericKubernetesResources(apiVersion, kind).inNamespace(NS).withName(name).delete();
    }

    GenericKubernetesResource get(String apiVersion, String kind, String name) {
        return kube.genericKubernetesResources(apiVersion, kind).inNamespace(NS).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> status(String apiVersion, String kind, String name) {
        GenericKubernetesResource resource = get(apiVersion, kind, name);
        Object status = resource == null ? null : resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> condition(Map<String, Object> status, String type) {
        if (status.get("conditions") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && type.equals(map.get("type"))) {
                    return (Map<String, Object>) map;
                }
            }
        }
        return Map.of();
    }

    /** Waits until condition {@code type} has {@code status} and {@code reason}; returns the object's status. */
    Map<String, Object> awaitCondition(String apiVersion, String kind, String name, String type, String status,
                                       String reason) {
        return await().atMost(CONVERGE).until(() -> status(apiVersion, kind, name), s -> {
            Map<String, Object> c = condition(s, type);
            return status.equals(c.get("status")) && reason.equals(c.get("reason"));
        });
    }

    Map<String, Object> awaitReady(String apiVersion, String kind, String name) {
        return awaitCondition(apiVersion, kind, name, "Ready", "True", "Ready");
    }

    // ---- owned objects ----------------------------------------------------------------------------------------

    Deployment deployment(String name) {
        return kube.apps().deployments().inNamespace(NS).withName(name).get();
    }

    Deployment awaitDeployment(String name) {
        return await().atMost(CONVERGE).until(() -> deployment(name), d -> d != null);
    }

    static List<EnvVar> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    }

    static String serviceAccountNameOf(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
    }

    ServiceAccount serviceAccount(String name) {
        return kube.serviceAccounts().inNamespace(NS).withName(name).get();
    }

    ServiceAccount awaitServiceAccount(String name) {
        return await().atMost(CONVERGE).until(() -> serviceAccount(name), sa -> sa != null);
    }

    List<Event> events(String objectName) {
        return kube.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> objectName.equals(e.getInvolvedObject().getName())).toList();
    }

    /** Waits for a Warning Event about {@code objectName} with {@code reason}. */
    Event awaitWarning(String objectName, String reason) {
        return await().atMost(CONVERGE).until(() -> events(objectName).stream()
                .filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason())).findFirst()
                .orElse(null), e -> e != null);
    }

    // ---- API traffic --------------------------------------------------------------------------------------------

    /** {@code METHOD path} of every request the mock received since the last drain. */
    List<String> drainRequests() {
        return cluster.drainRequests().stream().map(r -> r.getMethod() + " " + r.getPath()).toList();
    }

    static List<String> writes(List<String> requests) {
        return requests.stream().filter(r -> WRITES.contains(r.substring(0, r.indexOf(' ')))).toList();
    }

    /** Waits until the controller has settled: a full second in which it wrote nothing. */
    void awaitNoWritesForASecond() {
        drainRequests();
        await().atMost(CONVERGE).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(writes(drainRequests())).as("writes in the last second").isEmpty());
    }

    /**
     * Every API request made during {@code window}, in which the test itself makes none; fails as soon as more
     * than {@code limit} were made (a hot loop), listing them.
     */
    List<String> requestsDuring(Duration window, int limit) {
        drainRequests();
        List<String> seen = new CopyOnWriteArrayList<>();
        await().during(window).atMost(window.plusSeconds(2)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    seen.addAll(drainRequests());
                    assertThat(seen).as("requests to the API server").hasSizeLessThanOrEqualTo(limit);
                });
        return List.copyOf(seen);
    }
}
