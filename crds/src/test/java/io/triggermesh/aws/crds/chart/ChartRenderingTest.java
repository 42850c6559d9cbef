package io.triggermesh.aws.crds.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.LintResult;
import io.triggermesh.aws.crds.CrdGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart renders what the issue asks for, with default and with non-default values. */
class ChartRenderingTest {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/triggermesh-controller";

    @Test
    void lintPassesWithDefaultValues() {
        LintResult lint = Chart.lint();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void lintPassesWithNonDefaultValues(@TempDir Path work) {
        LintResult lint = Chart.lintWithValues("""
                fullnameOverride: tm
                replicaCount: 2
                serviceAccount:
                  create: true
                  name: tm-controller
                  annotations: {eks.amazonaws.com/role-arn: "%s"}
                leaderElection: {enabled: true, leaseName: tm}
                controller:
                  useControllerIdentity: true
                  awsRegion: eu-west-1
                  awsEndpoint: http://localstack.tools:4566
                  watchNamespaces: [events, orders]
                  resync: 5m
                  workers: 4
                  cleanupAttempts: 3
                  logLevel: DEBUG
                  javaOptions: -XX:MaxRAMPercentage=60
                  httpPort: 9090
                  extraEnv: [{name: EXTRA, value: "1"}]
                image: {repository: registry.example.com/tm/controller, tag: "1.2.3", pullPolicy: Always}
                imagePullSecrets: [{name: regcred}]
                adapterImages: {AWSS3Source: registry.example.com/tm/adapter-s3:1.2.3}
                plugins:
                  allow: [s3, sns]
                  directory: /opt/plugins
                  jarImages: [{name: sns, image: registry.example.com/acme/sns:1.0.0, path: /jars}]
                  volume: {}
                  extraKinds: [{group: targets.triggermesh.io, plural: awssnstargets}]
                rbac:
                  create: true
                  sinkKinds: [{apiGroup: eventing.knative.dev, resources: [brokers]}]
                metrics: {service: {enabled: true, type: ClusterIP, annotations: {}}}
                resources: {requests: {cpu: 50m, memory: 200Mi}, limits: {memory: 400Mi}}
                podSecurityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
                securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                podDisruptionBudget: {enabled: true, minAvailable: 1}
                podAnnotations: {team: events}
                podLabels: {team: events}
                nodeSelector: {kubernetes.io/os: linux}
                tolerations: [{key: dedicated, operator: Equal, value: ops, effect: NoSchedule}]
                affinity: {}
                priorityClassName: system-cluster-critical
                """.formatted(ROLE_ARN), work);
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultsMatchTheUserGuidesNames() {
        Chart.Rendered rendered = Chart.render(Map.of());
        ObjectNode deployment = rendered.deployment();
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("triggermesh");
        assertThat(rendered.get("ServiceAccount", "triggermesh-controller").at("/metadata/namespace").asText())
                .isEqualTo("triggermesh");
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText())
                .isEqualTo("triggermesh-controller");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        JsonNode container = rendered.controllerContainer();
        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/triggermesh-aws/controller:0.1.0-SNAPSHOT");
        assertThat(container.path("args").toString()).isEqualTo("[\"run\"]");
        assertThat(rendered.env()).containsEntry("TRIGGERMESH_CONTROLLER_LEADER_ELECTION", "true")
                .containsEntry("TRIGGERMESH_CONTROLLER_LEASE_NAME", "triggermesh-controller")
                .containsEntry("TRIGGERMESH_CONTROLLER_LEASE_NAMESPACE", "triggermesh")
                .containsEntry("TRIGGERMESH_CONTROLLER_USE_CONTROLLER_IDENTITY", "false")
                .containsEntry("TRIGGERMESH_HTTP_PORT", "8080")
                .doesNotContainKeys("TRIGGERMESH_CONTROLLER_NAMESPACES", "TRIGGERMESH_PLUGINS_DIRECTORY",
                        "TRIGGERMESH_PLUGINS_ALLOW", "TRIGGERMESH_CONTROLLER_ADAPTER_IMAGES",
                        "TRIGGERMESH_CONTROLLER_AWS_ENDPOINT");
        assertThat(container.at("/env/0/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
    }

    @Test
    void probesUseTheHealthEndpointsOnTheHttpPortAndTheMetricsServiceTargetsIt() {
        Chart.Rendered rendered = Chart.render(Map.of());
        JsonNode container = rendered.controllerContainer();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/readiness");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        ObjectNode service = rendered.get("Service", "triggermesh-controller-metrics");
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(service.at("/metadata/annotations/prometheus.io~1path").asText()).isEqualTo("/prometheus");
        assertThat(service.at("/spec/selector")).isEqualTo(rendered.deployment().at("/spec/selector/matchLabels"));
    }

    @Test
    void containerRunsAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities() {
        Chart.Rendered rendered = Chart.render(Map.of());
        JsonNode security = rendered.controllerContainer().path("securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        JsonNode pod = rendered.deployment().at("/spec/template/spec/securityContext");
        assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("runAsUser").asInt()).isPositive();
        assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(rendered.controllerContainer().at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
        assertThat(rendered.controllerContainer().at("/resources/requests/memory").asText()).isEqualTo("256Mi");
        assertThat(rendered.controllerContainer().at("/resources/limits/memory").asText()).isEqualTo("512Mi");
    }

    @Test
    void rbacHasNoWildcardAndNeverListsOrWatchesSecrets() {
        for (Map<String, Object> values : List.<Map<String, Object>>of(Map.of(),
                Map.of("controller.watchNamespaces[0]", "events", "controller.watchNamespaces[1]", "orders"))) {
            List<JsonNode> rules = rules(Chart.render(values));
            assertThat(rules).isNotEmpty();
            for (JsonNode rule : rules) {
                for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames")) {
                    rule.path(field).forEach(v -> assertThat(v.asText()).as(field + " of " + rule).doesNotContain("*"));
                }
                if (texts(rule.path("resources")).contains("secrets")) {
                    assertThat(texts(rule.path("verbs"))).doesNotContain("list", "watch")
                            .containsExactlyInAnyOrder("get", "create", "update", "delete");
                }
            }
            assertThat(rules).anySatisfy(rule -> {
                assertThat(texts(rule.path("resources"))).containsExactly("serviceaccounts/token");
                assertThat(texts(rule.path("verbs"))).containsExactly("create");
            });
            assertThat(rules).anySatisfy(rule -> {
                assertThat(texts(rule.path("resources"))).containsExactly("events");
                assertThat(texts(rule.path("verbs"))).containsExactly("create");
            });
        }
    }

    @Test
    void podsAreListedOnlyForIdentityChecksAndNeverRead() {
        assertThat(rules(Chart.render(Map.of()))).anySatisfy(rule -> {
            assertThat(texts(rule.path("resources"))).containsExactly("pods");
            assertThat(texts(rule.path("verbs"))).as("list to find an adapter pod; never get, watch or write")
                    .containsExactly("list");
        });
        assertThat(rules(Chart.render(Map.of("controller.identityCheck", "false"))))
                .as("without identity checks the controller has no reason to see pods")
                .noneSatisfy(rule -> assertThat(texts(rule.path("resources"))).contains("pods"));
    }

    @Test
    void rbacCoversEveryKindOfTheChartsCrdsWithStatusAndFinalizers() {
        List<JsonNode> rules = rules(Chart.render(Map.of()));
        List<ObjectNode> crds = Chart.crds();
        assertThat(crds).hasSize(4);
        for (ObjectNode crd : crds) {
            String group = crd.at("/spec/group").asText();
            String plural = crd.at("/spec/names/plural").asText();
            for (String resource : List.of(plural, plural + "/status", plural + "/finalizers")) {
                assertThat(rules).as(group + " " + resource).anySatisfy(rule -> {
                    assertThat(texts(rule.path("apiGroups"))).contains(group);
                    assertThat(texts(rule.path("resources"))).contains(resource);
                });
            }
        }
    }

    @Test
    void leasesAreOnlyInTheControllersOwnNamespaceAndOnlyItsOwnLease() {
        Chart.Rendered rendered = Chart.render(Map.of());
        ObjectNode role = rendered.get("Role", "triggermesh-controller-leader-election");
        assertThat(role.at("/metadata/namespace").asText()).isEqualTo("triggermesh");
        for (JsonNode rule : role.path("rules")) {
            assertThat(texts(rule.path("resources"))).containsExactly("leases");
            if (texts(rule.path("verbs")).contains("get")) {
                assertThat(texts(rule.path("resourceNames"))).containsExactly("triggermesh-controller");
            }
        }
        for (ObjectNode clusterRole : rendered.ofKind("ClusterRole")) {
            clusterRole.path("rules").forEach(rule -> assertThat(texts(rule.path("resources"))).doesNotContain("leases"));
        }
        ObjectNode binding = rendered.get("RoleBinding", "triggermesh-controller-leader-election");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("triggermesh-controller");
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("triggermesh");
    }

    @Test
    void disablingLeaderElectionRemovesTheLeaseRole() {
        Chart.Rendered rendered = Chart.render(Map.of("leaderElection.enabled", "false"));
        assertThat(rendered.find("Role", "triggermesh-controller-leader-election")).isEmpty();
        assertThat(rendered.env()).containsEntry("TRIGGERMESH_CONTROLLER_LEADER_ELECTION", "false");
    }

    @Test
    void serviceAccountAnnotationsComeFromValuesAndRollThePods() {
        Chart.Rendered plain = Chart.render(Map.of());
        Chart.Rendered irsa = Chart.render(Map.of("serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn",
                ROLE_ARN));
        assertThat(irsa.get("ServiceAccount", "triggermesh-controller")
                .at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText()).isEqualTo(ROLE_ARN);
        assertThat(plain.get("ServiceAccount", "triggermesh-controller").at("/metadata/annotations").isMissingNode())
                .isTrue();
        String annotation = "/spec/template/metadata/annotations/triggermesh.io~1service-account-annotations";
        assertThat(irsa.deployment().at(annotation).asText()).isNotEqualTo(plain.deployment().at(annotation).asText());
    }

    @Test
    void watchedNamespacesGetRolesInsteadOfAClusterRole() {
        Chart.Rendered rendered = Chart.render(Map.of("controller.watchNamespaces[0]", "events", "controller.watchNamespaces[1]", "orders"));
        assertThat(rendered.ofKind("ClusterRole")).isEmpty();
        assertThat(rendered.ofKind("ClusterRoleBinding")).isEmpty();
        List<String> namespaces = rendered.ofKind("Role").stream()
                .filter(r -> r.at("/metadata/name").asText().equals("triggermesh-controller"))
                .map(r -> r.at("/metadata/namespace").asText()).toList();
        assertThat(namespaces).containsExactlyInAnyOrder("events", "orders");
        rendered.ofKind("RoleBinding").forEach(binding ->
                assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("triggermesh"));
        assertThat(rendered.env()).containsEntry("TRIGGERMESH_CONTROLLER_NAMESPACES", "events,orders");
    }

    @Test
    void adapterImagesPluginAllowListAndControllerSettingsBecomeEnvironmentVariables() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("adapterImages.AWSS3Source", "registry.example.com/adapter-s3:1.0");
        values.put("adapterImages.AWSSQSTarget", "registry.example.com/adapter-sqs:1.0");
        values.put("plugins.allow[0]", "s3");
        values.put("plugins.allow[1]", "sqs");
        values.put("controller.useControllerIdentity", "true");
        values.put("controller.crossNamespaceSinks", "true");
        values.put("controller.awsRegion", "eu-west-1");
        values.put("controller.awsEndpoint", "http://localstack.tools:4566");
        values.put("controller.javaOptions", "-XX:MaxRAMPercentage=60");
        values.put("image.tag", "1.2.3");
        values.put("replicaCount", "2");
        Chart.Rendered rendered = Chart.render(values);
        assertThat(rendered.env())
                .containsEntry("TRIGGERMESH_CONTROLLER_ADAPTER_IMAGES",
                        "AWSS3Source=registry.example.com/adapter-s3:1.0,AWSSQSTarget=registry.example.com/adapter-sqs:1.0")
                .containsEntry("TRIGGERMESH_PLUGINS_ALLOW", "s3,sqs")
                .containsEntry("TRIGGERMESH_CONTROLLER_USE_CONTROLLER_IDENTITY", "true")
                .containsEntry("TRIGGERMESH_CONTROLLER_CROSS_NAMESPACE_SINKS", "true")
                .containsEntry("TRIGGERMESH_CONTROLLER_AWS_REGION", "eu-west-1")
                .containsEntry("TRIGGERMESH_CONTROLLER_AWS_ENDPOINT", "http://localstack.tools:4566")
                .containsEntry("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=60");
        assertThat(rendered.controllerContainer().path("image").asText())
                .isEqualTo("ghcr.io/triggermesh-aws/controller:1.2.3");
        assertThat(rendered.deployment().at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void thirdPartyPluginJarsAreCopiedByAnInitContainerIntoThePluginDirectory() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plugins.jarImages[0].name", "sns");
        values.put("plugins.jarImages[0].image", "registry.example.com/acme/sns:1.0.0");
        values.put("plugins.jarImages[0].path", "/jars");
        values.put("plugins.extraKinds[0].group", "targets.triggermesh.io");
        values.put("plugins.extraKinds[0].plural", "awssnstargets");
        Chart.Rendered rendered = Chart.render(values);
        JsonNode pod = rendered.deployment().at("/spec/template/spec");
        JsonNode init = pod.at("/initContainers/0");
        assertThat(init.path("name").asText()).isEqualTo("plugin-sns");
        assertThat(init.path("image").asText()).isEqualTo("registry.example.com/acme/sns:1.0.0");
        assertThat(init.path("command").toString()).contains("cp -v /jars/*.jar /triggermesh-plugins/");
        assertThat(init.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(rendered.env()).containsEntry("TRIGGERMESH_PLUGINS_DIRECTORY", "/opt/triggermesh/plugins");
        assertThat(rendered.controllerContainer().path("volumeMounts").toString())
                .contains("/opt/triggermesh/plugins");
        assertThat(pod.path("volumes").toString()).contains("\"name\":\"plugins\"");
        assertThat(rules(rendered)).anySatisfy(rule ->
                assertThat(texts(rule.path("resources"))).contains("awssnstargets", "awss3targets"));
        assertThat(rules(rendered)).anySatisfy(rule ->
                assertThat(texts(rule.path("resources"))).contains("awssnstargets/status"));
    }

    @Test
    void chartInstallsTheGeneratedCrdsByteForByte() throws Exception {
        Path generated = Path.of(System.getProperty("crds.committed", "generated"));
        Path chart = Chart.directory().resolve("crds");
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(chart.resolve(file.getFileName()))).as(file.getFileName().toString())
                        .isEqualTo(Files.readString(file));
            }
        }
        List<String> names = Chart.crds().stream().map(c -> c.at("/metadata/name").asText()).toList();
        // One CRD per kind of the bundled connectors, found through ServiceLoader as the controller finds them (their
        // one list is distribution/connectors): a connector added there needs no change here.
        List<String> kinds = CrdGenerator.plugins(getClass().getClassLoader(), Set.of()).stream()
                .flatMap(plugin -> plugin.kinds().stream())
                .map(kind -> kind.descriptor().plural() + "." + kind.descriptor().group())
                .toList();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(4);
        assertThat(names).containsExactlyInAnyOrderElementsOf(kinds);
    }

    static List<JsonNode> rules(Chart.Rendered rendered) {
        List<JsonNode> rules = new ArrayList<>();
        Stream.concat(rendered.ofKind("ClusterRole").stream(), rendered.ofKind("Role").stream())
                .forEach(role -> role.path("rules").forEach(rules::add));
        return rules;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
