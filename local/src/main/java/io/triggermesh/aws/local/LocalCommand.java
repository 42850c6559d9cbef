package io.triggermesh.aws.local;

import io.triggermesh.aws.cluster.PodIdentityAssociation;
import io.triggermesh.aws.controller.cli.CommandErrors;
import io.triggermesh.aws.controller.cli.ExitCodes;
import io.triggermesh.aws.controller.cli.Manifests;
import io.triggermesh.aws.controller.plugins.PluginsConfiguration;
import io.triggermesh.aws.spi.api.Shown;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code local -f DIR}: the whole system on this machine, without a Kubernetes cluster. Applies the manifests in
 * DIR (the guide's manifests work as they are, given the Secrets they name), prints conditions as they change and
 * every event that reaches the built-in event display, until stopped.
 */
@Command(name = "local", mixinStandardHelpOptions = true, exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:stopped after --duration or by Ctrl-C", ExitCodes.CODE_2, ExitCodes.CODE_3},
        description = "Run the controller and the adapters on this machine with an in-memory Kubernetes API.")
public class LocalCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, required = true, description = "Manifest file or directory (repeatable).")
    List<Path> paths;

    @Option(names = "--aws-endpoint", description = "AWS endpoint override, e.g. an emulator; default: "
            + "$AWS_ENDPOINT_URL, else real AWS.")
    URI awsEndpoint;

    @Option(names = "--region", description = "AWS region; default: $AWS_REGION, else us-east-1.")
    String region;

    @Option(names = "--display-port", defaultValue = "0", description = "Port of the event display (0: any).")
    int displayPort;

    @Option(names = "--duration", description = "Stop after this long (ISO-8601, e.g. PT2M); default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--work-dir", description = "Where adapter logs go; default: a new temporary directory.")
    Path workDir;

    @Option(names = "--log-level", description = "Log level of the adapters and the controller: error, warn, info,"
            + " debug or trace; default: info.")
    String logLevel;

    @Option(names = "--no-controller", description = "Run everything but the controller; start it yourself with"
            + " 'controller.jar run' and the kubeconfig in the work directory.")
    boolean noController;

    @Option(names = "--pod-identity", paramLabel = "NAMESPACE/SERVICEACCOUNT=ROLE_ARN", description = "Play the EKS"
            + " Pod Identity agent: adapters running under this ServiceAccount act as this role, as with an"
            + " association made by 'aws eks create-pod-identity-association' (repeatable).")
    List<String> podIdentities = List.of();

    @Spec
    CommandSpec spec;

    @Mixin
    CommandErrors errors;

    /** The controller's plugin settings ({@code TRIGGERMESH_PLUGINS_DIRECTORY}): local mode serves the same kinds. */
    @Inject
    PluginsConfiguration plugins;

    @Override
    public Integer call() {
        return errors.run(spec, this::runLocally);
    }

    private int runLocally() throws Exception {
        if (logLevel != null && !List.of("error", "warn", "info", "debug", "trace").contains(logLevel)) {
            spec.commandLine().getErr().println("error: --log-level must be one of error, warn, info, debug, trace;"
                    + " got " + Shown.quoted(logLevel));
            return ExitCodes.UNREADABLE_INPUT;
        }
        List<PodIdentityAssociation> associations = new ArrayList<>();
        for (String association : podIdentities) {
            try {
                associations.add(PodIdentityAssociation.parse(association));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.UNREADABLE_INPUT;
            }
        }
        // Unreadable manifests end the command before anything starts, with one error line.
        Manifests.read(paths);
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("triggermesh-local");
        URI endpoint = awsEndpoint != null ? awsEndpoint
                : System.getenv("AWS_ENDPOINT_URL") == null ? null : URI.create(System.getenv("AWS_ENDPOINT_URL"));
        String awsRegion = region != null ? region : System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        LocalMode.Options options = new LocalMode.Options(endpoint, awsRegion, displayPort, dir,
                System.getProperty("java.class.path"), System.out, !noController, logLevel,
                plugins == null ? null : plugins.pluginDirectory().orElse(null), associations);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On SIGTERM/Ctrl-C the JVM exits as soon as its shutdown hooks return: this one waits until every adapter
        // process has been stopped, so none is left running on its own.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(LocalRunner.STOP_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "local-stop"));
        try (LocalMode local = LocalMode.start(options)) {
            System.out.println("[local] Kubernetes API in memory, kubeconfig " + local.kubeconfig()
                    + "; adapter logs in " + dir);
            if (noController) {
                System.out.println("[local] no controller: start one with java -jar controller.jar run and"
                        + " -Dtriggermesh.kubernetes.kubeconfig=" + local.kubeconfig());
            }
            System.out.println("[local] event display at " + local.display().url()
                    + " (use " + LocalMode.DISPLAY_PLACEHOLDER + " as a sink uri in manifests)");
            System.out.println("[local] AWS: " + (endpoint == null ? "real AWS" : endpoint) + ", region " + awsRegion);
            local.apply(paths).forEach(o -> System.out.println("[local] applied " + o.getKind() + " "
                    + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()));
            if (duration != null) {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
