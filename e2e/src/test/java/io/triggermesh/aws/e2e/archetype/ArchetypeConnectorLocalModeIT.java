package io.triggermesh.aws.e2e.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector generated from the archetype runs in local mode from its plugin jar alone, as
 * docs/connector-authors.md ("Local mode with the plugin jar") and docs/local-mode.md show it: {@code
 * TRIGGERMESH_PLUGINS_DIRECTORY=./plugins java -jar local.jar local -f DIR}. The controller reconciles the
 * object to Ready, the generated adapter starts from the jar, and a CloudEvent posted to it is published to the
 * topic (seen on a queue subscribed to it), all against the AWS emulator.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ArchetypeConnectorLocalModeIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final String ACCOUNT = "271828182845";
    private static final Pattern LISTENING = Pattern.compile(
            "\\[local] started default/awssnstarget-orders \\(AWSSNSTarget\\), pid \\d+, log \\S+, listening on (\\S+)");

    private final GeneratedConnector connector = GeneratedConnector.find();

    @Test
    void localModeRunsTheGeneratedConnectorFromItsPluginJar(AwsEmulator emulator) throws Exception {
        Path work = fresh(Path.of("target", "e2e", "archetype-connector").toAbsolutePath());
        try (EmulatorTopic topic = new EmulatorTopic(emulator, ACCOUNT, "orders")) {
            Path manifests = Files.createDirectories(work.resolve("manifests"));
            Files.writeString(manifests.resolve("orders.yaml"), topic.manifest("orders"));

            Path console = work.resolve("console.log");
            Process local = ControllerJar.start(ControllerJar.localPath(),
                    Map.of("TRIGGERMESH_PLUGINS_DIRECTORY", connector.pluginDirectory(work).toString()), console,
                    List.of("local", "-f", manifests.toString(), "--aws-endpoint", emulator.endpoint().toString(),
                            "--region", emulator.region(), "--work-dir", work.resolve("run").toString(),
                            "--duration", "PT5M"));
            try {
                String url = awaitReady(local, console, work.resolve("run"));

                topic.assertAdapterPublishes(url);
            } finally {
                stop(local);
            }
        }
    }

    /** The adapter's URL once local mode printed the object Ready; fails with everything it printed if not. */
    private static String awaitReady(Process local, Path console, Path run) throws IOException {
        try {
            return await("AWSSNSTarget default/orders Ready with its adapter listening").atMost(READY)
                    .pollInterval(Duration.ofMillis(250)).failFast("local mode exited", () -> !local.isAlive())
                    .until(() -> readyAt(console), url -> url != null);
        } catch (RuntimeException e) {
            StringBuilder logs = new StringBuilder(Files.readString(console));
            if (Files.isDirectory(run)) {
                try (Stream<Path> files = Files.list(run)) {
                    for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                        logs.append("\n--- ").append(log).append('\n').append(Files.readString(log));
                    }
                }
            }
            throw new AssertionError(e.getMessage() + "; local mode printed:\n" + logs, e);
        }
    }

    /** The adapter's local URL once the object is Ready (printed by local mode), else null. */
    private static String readyAt(Path console) throws IOException {
        String printed = Files.readString(console);
        Matcher listening = LISTENING.matcher(printed);
        boolean ready = printed.lines().anyMatch(l -> l.startsWith("[status] AWSSNSTarget default/orders Ready=True"));
        return ready && listening.find() ? listening.group(1) : null;
    }

    /** SIGTERM, as Ctrl-C: local mode stops its adapters; none may be left running. */
    private static void stop(Process local) throws InterruptedException {
        List<ProcessHandle> adapters = local.descendants().toList();
        local.destroy();
        if (!local.waitFor(60, TimeUnit.SECONDS)) {
            local.destroyForcibly();
        }
        List<ProcessHandle> leftOver = adapters.stream().filter(ProcessHandle::isAlive).toList();
        leftOver.forEach(ProcessHandle::destroyForcibly);
        assertThat(leftOver).as("adapter processes left running by local mode").isEmpty();
    }

    private static Path fresh(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(directory);
    }
}
