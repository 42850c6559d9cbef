package io.triggermesh.aws.controller.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the adapter Deployment and a target's Service from an {@link AdapterInput}. Pure and deterministic. */
public final class AdapterWorkloads {

    /** The annotation on the pod template that changes when a referenced Secret changes, rolling the adapter. */
    public static final String CREDENTIALS_VERSION_ANNOTATION = "triggermesh.io/credentials-version";
    public static final String CONTAINER_NAME = "adapter";
    public static final int SERVICE_PORT = 80;
    /** The path every target adapter answers with its health: 200 when it can deliver, 503 when not. */
    public static final String HEALTH_PATH = "/health";

    private AdapterWorkloads() {
    }

    public static Deployment deployment(AdapterInput input) {
        OwnerObject owner = input.owner();
        AdapterOverrides overrides = input.overrides();
        Map<String, String> podLabels = new TreeMap<>(orEmpty(overrides.labels()));
        podLabels.putAll(AdapterLabels.all(owner));
        Map<String, String> podAnnotations = new TreeMap<>(orEmpty(overrides.annotations()));
        if (input.credentialsVersion() != null) {
            podAnnotations.put(CREDENTIALS_VERSION_ANNOTATION, input.credentialsVersion());
        }
        return new DeploymentBuilder()
                .withMetadata(workloadMetadata(owner))
                .withNewSpec()
                    .withReplicas(1)
                    .withNewSelector().withMatchLabels(AdapterLabels.selector(owner)).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).withAnnotations(podAnnotations).endMetadata()
                        .withNewSpec()
                            .withServiceAccountName(input.serviceAccountName())
                            // Adapters never call the Kubernetes API; the EKS webhook mounts its own token.
                            .withAutomountServiceAccountToken(false)
                            .withNodeSelector(overrides.nodeSelector() == null ? null
                                    : new TreeMap<>(overrides.nodeSelector()))
                            .withTolerations(tolerations(overrides))
                            .withNewSecurityContext()
                                .withRunAsNonRoot(true)
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .withContainers(container(input))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** The Service in front of a target's adapter; {@code public: true} makes it a LoadBalancer. */
    public static Service service(AdapterInput input) {
        OwnerObject owner = input.owner();
        int port = input.workload().httpPort().orElseThrow(
                () -> new IllegalArgumentException(owner.displayName() + " does not receive events over HTTP"));
        return new ServiceBuilder()
                .withMetadata(workloadMetadata(owner))
                .withNewSpec()
                    .withType(input.overrides().exposedPublicly() ? "LoadBalancer" : "ClusterIP")
                    .withSelector(AdapterLabels.selector(owner))
                    .addNewPort().withName("http").withPort(SERVICE_PORT).withNewTargetPort(port).endPort()
                .endSpec()
                .build();
    }

    /** The name, labels and controller reference the adapter's Deployment and Service share. */
    private static ObjectMeta workloadMetadata(OwnerObject owner) {
        return new ObjectMetaBuilder()
                .withName(AdapterNames.workload(owner))
                .withNamespace(owner.namespace())
                .withLabels(AdapterLabels.all(owner))
                .withOwnerReferences(controllerReference(owner))
                .build();
    }

    /** The in-cluster URL of a target's Service, published as {@code status.address.url}. */
    public static String addressUrl(OwnerObject owner) {
        return serviceUrl(AdapterNames.workload(owner), owner.namespace());
    }

    /** The cluster DNS URL of Service {@code namespace/name}. */
    public static String serviceUrl(String name, String namespace) {
        return "http://" + name + "." + namespace + ".svc.cluster.local";
    }

    /** An ownerReference making {@code owner} the controller of the object, so deleting it deletes the object. */
    public static OwnerReference controllerReference(OwnerObject owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.apiVersion())
                .withKind(owner.kind())
                .withName(owner.name())
                .withUid(owner.uid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    private static Container container(AdapterInput input) {
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER_NAME)
                .withImage(input.settings().images().getOrDefault(input.owner().kind(), input.workload().image()))
                .withEnv(AdapterEnvironmentVariables.of(input))
                .withResources(resources(input))
                .withNewSecurityContext()
                    .withAllowPrivilegeEscalation(false)
                    .withReadOnlyRootFilesystem(true)
                    .withRunAsNonRoot(true)
                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext();
        input.workload().httpPort().ifPresent(port -> container
                .addNewPort().withName("http").withContainerPort(port).withProtocol("TCP").endPort()
                .withReadinessProbe(readinessProbe())
                .withLivenessProbe(livenessProbe()));
        return container.build();
    }

    /**
     * A target is ready while {@code GET /health} answers 200: it answers 503 while the adapter cannot deliver (its
     * queue or bucket is missing, or it is stopping), so the Service sends it nothing and {@code Deployed} follows.
     * Sources serve no HTTP and get no probes: they are available while their process runs.
     */
    public static Probe readinessProbe() {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(HEALTH_PATH).withNewPort("http").endHttpGet()
                .withPeriodSeconds(5).withTimeoutSeconds(2).withFailureThreshold(2).withSuccessThreshold(1)
                .build();
    }

    /**
     * A target is alive while it accepts connections. Not {@code /health}: a 503 there means "the queue is missing",
     * which a restart cannot fix; restarting would only add CrashLoopBackOff to the real reason.
     */
    public static Probe livenessProbe() {
        return new ProbeBuilder()
                .withNewTcpSocket().withNewPort("http").endTcpSocket()
                .withInitialDelaySeconds(10).withPeriodSeconds(10).withTimeoutSeconds(2).withFailureThreshold(3)
                .build();
    }

    private static ResourceRequirements resources(AdapterInput input) {
        AdapterOverrides.Resources custom = input.overrides().resources();
        Map<String, Quantity> requests = new TreeMap<>();
        requests.put("cpu", new Quantity(input.settings().cpuRequest()));
        requests.put("memory", new Quantity(input.settings().memoryRequest()));
        Map<String, Quantity> limits = new TreeMap<>();
        limits.put("memory", new Quantity(input.settings().memoryLimit()));
        if (custom != null) {
            orEmpty(custom.requests()).forEach((k, v) -> requests.put(k, new Quantity(v)));
            orEmpty(custom.limits()).forEach((k, v) -> limits.put(k, new Quantity(v)));
        }
        return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
    }

    private static List<Toleration> tolerations(AdapterOverrides overrides) {
        if (overrides.tolerations() == null) {
            return null;
        }
        List<Toleration> out = new ArrayList<>();
        for (AdapterOverrides.Toleration t : overrides.tolerations()) {
            out.add(new TolerationBuilder().withKey(t.key()).withOperator(t.operator()).withValue(t.value())
                    .withEffect(t.effect()).withTolerationSeconds(t.tolerationSeconds()).build());
        }
        return out;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
