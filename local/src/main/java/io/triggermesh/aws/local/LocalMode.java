package io.triggermesh.aws.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micronaut.context.ApplicationContext;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.cluster.LocalPodIdentityAgent;
import io.triggermesh.aws.cluster.PodIdentityAssociation;
import io.triggermesh.aws.controller.cli.Manifests;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.plugins.PluginRegistryFactory;
import io.triggermesh.aws.controller.runtime.ControllerRuntime;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything local mode runs, started and stopped together: the in-memory Kubernetes API, the real controller
 * against it, the adapter runner, the event display and the condition printer. Used by {@code local.jar local}
 * and by the end-to-end suite.
 */
public final class LocalMode implements AutoCloseable {

    /** In manifests, this placeholder is replaced by the event display's URL. */
    public static final String DISPLAY_PLACEHOLDER = "${EVENT_DISPLAY_URL}";

    /**
     * @param awsEndpoint an AWS endpoint override for the controller and every adapter (an emulator), or null for AWS
     * @param region the AWS region
     * @param displayPort the event display's port, 0 for any free port
     * @param workDir where kubeconfig, adapter logs and token files go
     * @param classpath the class path adapters are started with (local mode's jar bundles them)
     * @param runController false to run everything but the controller, for a controller started separately
     *     ({@code controller.jar run} with the kubeconfig in {@code workDir}), for example in a debugger
     * @param logLevel the level of adapters (their {@code LOG_LEVEL} unless the Deployment sets one) and of the
     *     controller's own loggers; null for the defaults (info)
     * @param pluginDirectory the controller's plugin directory ({@code TRIGGERMESH_PLUGINS_DIRECTORY}), or null:
     *     its kinds are served like bundled ones, their adapters started with its jars after {@code classpath}
     * @param podIdentities EKS Pod Identity associations local mode plays the agent for (see
     *     {@link LocalPodIdentityAgent}); empty for none
     */
    public record Options(URI awsEndpoint, String region, int displayPort, Path workDir, String classpath,
                          PrintStream console, boolean runController, String logLevel, Path pluginDirectory,
                          List<PodIdentityAssociation> podIdentities) {

        public Options {
            podIdentities = podIdentities == null ? List.of() : List.copyOf(podIdentities);
        }

        /** Without Pod Identity associations. */
        public Options(URI awsEndpoint, String region, int displayPort, Path workDir, String classpath,
                       PrintStream console, boolean runController, String logLevel, Path pluginDirectory) {
            this(awsEndpoint, region, displayPort, workDir, classpath, console, runController, logLevel,
                    pluginDirectory, List.of());
        }

        /** Without a plugin directory. */
        public Options(URI awsEndpoint, String region, int displayPort, Path workDir, String classpath,
                       PrintStream console, boolean runController, String logLevel) {
            this(awsEndpoint, region, displayPort, workDir, classpath, console, runController, logLevel, null);
        }

        /** Everything, at the default log levels. */
        public Options(URI awsEndpoint, String region, int displayPort, Path workDir, String classpath,
                       PrintStream console) {
            this(awsEndpoint, region, displayPort, workDir, classpath, console, true, null);
        }
    }

    private final InMemoryCluster cluster;
    private final ApplicationContext controllerContext;
    private final EventDisplay display;
    private final LocalRunner runner;
    private final ConditionPrinter printer;
    private final SharedIndexInformer<ServiceAccount> tokens;
    private final GarbageCollector collector;
    private final LocalPodIdentityAgent podIdentity;

    private LocalMode(InMemoryCluster cluster, ApplicationContext controllerContext, EventDisplay display,
                      LocalRunner runner, ConditionPrinter printer, SharedIndexInformer<ServiceAccount> tokens,
                      GarbageCollector collector, LocalPodIdentityAgent podIdentity) {
        this.podIdentity = podIdentity;
        this.cluster = cluster;
        this.controllerContext = controllerContext;
        this.display = display;
        this.runner = runner;
        this.printer = printer;
        this.tokens = tokens;
        this.collector = collector;
    }

    public static LocalMode start(Options options) {
        // The same plugins as the controller it starts: the bundled ones and those of the plugin directory.
        ClassLoader own = LocalMode.class.getClassLoader();
        ClassLoader loader = options.pluginDirectory() == null ? own
                : PluginRegistryFactory.classLoaderFor(options.pluginDirectory(), own);
        PluginRegistry registry = PluginRegistry.load(loader, Set.of());
        AdapterClassPaths classPaths = options.pluginDirectory() == null
                ? AdapterClassPaths.runtimeOnly(options.classpath())
                : AdapterClassPaths.of(registry, loader, options.pluginDirectory(), options.classpath());
        InMemoryCluster cluster = InMemoryCluster.start(registry.descriptors(), options.workDir());
        NamespacedKubernetesClient client = cluster.client();
        // Always there, as on a cluster with the agent add-on: without associations it refuses every token, so the
        // identity check of a Pod Identity object says that no association names its ServiceAccount.
        LocalPodIdentityAgent podIdentity = LocalPodIdentityAgent.start(options.podIdentities(),
                options.awsEndpoint(), options.region(), options.workDir(), null);
        // TokenRequest for every ServiceAccount, as a real API server answers: the controller acts as an
        // object's IAM role with such a token (emulators do not verify it), and presents it to the Pod Identity
        // agent, which knows the random token of each associated ServiceAccount and no other.
        SharedIndexInformer<ServiceAccount> tokens = client.serviceAccounts().inAnyNamespace()
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(ServiceAccount sa) {
                        String namespace = sa.getMetadata().getNamespace();
                        String name = sa.getMetadata().getName();
                        cluster.serveTokens(namespace, name, podIdentity.tokenRequestToken(namespace, name)
                                .orElse("local-token-" + name));
                    }

                    @Override
                    public void onUpdate(ServiceAccount before, ServiceAccount after) {
                    }

                    @Override
                    public void onDelete(ServiceAccount sa, boolean unknown) {
                    }
                }, 0);
        ApplicationContext context = options.runController() ? startController(cluster, options, podIdentity)
                : null;
        EventDisplay display = EventDisplay.start(options.displayPort(), options.console());
        ConditionPrinter printer = new ConditionPrinter(client, registry, options.console());
        Map<String, String> adapterDefaults = options.logLevel() == null ? Map.of()
                : Map.of("LOG_LEVEL", options.logLevel().toLowerCase(java.util.Locale.ROOT));
        podIdentity.associations().forEach(a -> options.console().println("[local] EKS Pod Identity: "
                + a.namespace() + "/" + a.serviceAccount() + " acts as " + a.roleArn() + " (agent at "
                + podIdentity.uri() + ")"));
        if (!options.runController()) {
            options.console().println("[local] EKS Pod Identity agent at " + podIdentity.uri() + ": give a controller"
                    + " started separately -Dtriggermesh.controller.pod-identity-agent-uri=" + podIdentity.uri());
        }
        LocalRunner runner = new LocalRunner(client, options.workDir(), classPaths::of, options.console(),
                adapterDefaults, podIdentity);
        GarbageCollector collector = new GarbageCollector(client);
        collector.start(registry);
        runner.start();
        return new LocalMode(cluster, context, display, runner, printer, tokens, collector, podIdentity);
    }

    private static ApplicationContext startController(InMemoryCluster cluster, Options options,
                                                      LocalPodIdentityAgent podIdentity) {
        Map<String, Object> properties = new HashMap<>();
        // Identity checks of Pod Identity objects ask the agent local mode plays, as on a node they ask the real one.
        properties.put("triggermesh.controller.pod-identity-agent-uri", podIdentity.uri().toString());
        properties.put("triggermesh.kubernetes.kubeconfig", cluster.kubeconfig().toString());
        properties.put("triggermesh.controller.leader-election", false);
        properties.put("triggermesh.controller.resync", "30s");
        properties.put("triggermesh.controller.aws-region", options.region());
        if (options.pluginDirectory() != null) {
            properties.put("triggermesh.plugins.directory", options.pluginDirectory().toString());
        }
        if (options.awsEndpoint() != null) {
            properties.put("triggermesh.controller.aws-endpoint", options.awsEndpoint().toString());
        }
        if (options.logLevel() != null) {
            String level = options.logLevel().toUpperCase(java.util.Locale.ROOT);
            properties.put("logger.levels.io.triggermesh", level);
            // The SDK's own lines (signing, retries) are what a debugging user needs next to ours; they pass the
            // same credential masking.
            properties.put("logger.levels.software.amazon.awssdk", level);
        }
        properties.put("micronaut.server.port", -1);
        ApplicationContext context = ApplicationContext.run(properties);
        context.getBean(ControllerRuntime.class).start();
        return context;
    }

    /**
     * Applies every manifest under {@code paths} (files or directories), with {@value #DISPLAY_PLACEHOLDER}
     * replaced by the event display's URL. Objects without a namespace go to {@code default}.
     */
    public List<HasMetadata> apply(List<Path> paths) {
        return Manifests.read(paths).stream().map(document -> {
            String json = document.object().toString().replace(DISPLAY_PLACEHOLDER, display.url());
            GenericKubernetesResource resource = Serialization.unmarshal(json, GenericKubernetesResource.class);
            if (resource.getMetadata().getNamespace() == null) {
                resource.getMetadata().setNamespace("default");
            }
            return (HasMetadata) cluster.client().resource(resource).createOr(r -> r.update());
        }).toList();
    }

    /** The kubeconfig file of the in-memory API, for a controller or a tool started separately. */
    public Path kubeconfig() {
        return cluster.kubeconfig();
    }

    public NamespacedKubernetesClient client() {
        return cluster.client();
    }

    public EventDisplay display() {
        return display;
    }

    /** Local URLs of running targets, by {@code namespace/deployment}. */
    public Map<String, String> targetUrls() {
        return runner.targetUrls();
    }

    @Override
    public void close() {
        collector.close();
        runner.close();
        podIdentity.close();
        printer.close();
        tokens.close();
        if (controllerContext != null) {
            controllerContext.getBean(ControllerRuntime.class).close();
            controllerContext.close();
        }
        display.close();
        cluster.close();
    }
}
