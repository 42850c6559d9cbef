package io.triggermesh.aws.e2e.suite;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system under test, as processes: {@code local.jar local} (the in-memory Kubernetes API, the runner
 * that starts every adapter as its own JVM, the event display) and, when {@code separateController}, the real
 * controller as another process ({@code controller.jar run} against local mode's kubeconfig) so a test can kill
 * and restart it. Everything logs at TRACE into the work directory, which outlives the run for reading.
 */
final class LocalSystem implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(60);
    private static final Pattern STARTED = Pattern.compile(
            "\\[local] started (\\S+) \\([^)]*\\), pid (\\d+), log (\\S+?)(?:, listening on (\\S+))?$");

    private final String name;
    private final Path workDir;
    private final URI awsEndpoint;
    private final Process local;
    private final KubernetesClient client;
    private final Map<String, String> targetUrls = new ConcurrentHashMap<>();
    private final Map<String, Long> adapterPids = new ConcurrentHashMap<>();
    private final Map<String, Path> adapterLogs = new ConcurrentHashMap<>();
    private final List<Path> controllerLogs = new ArrayList<>();
    private Process controller;

    private LocalSystem(String name, Path workDir, URI awsEndpoint, Process local) {
        this.name = name;
        this.workDir = workDir;
        this.awsEndpoint = awsEndpoint;
        this.local = local;
        Thread reader = new Thread(this::readConsole, "local-console-" + name);
        reader.setDaemon(true);
        reader.start();
        Path kubeconfig = workDir.resolve("kubeconfig");
        Waits.until("local mode " + name + " to write its kubeconfig", READY,
                () -> Files.exists(kubeconfig) && Files.exists(workDir.resolve("console.log"))
                        && read(workDir.resolve("console.log")).contains("[local] event display at"),
                () -> "local mode exited: " + (local.isAlive() ? "no" : "yes, " + local.exitValue()));
        this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(read(kubeconfig))).build();
    }

    /** Starts local mode (with its own controller unless {@code separateController}) against {@code awsEndpoint}. */
    static LocalSystem start(String name, URI awsEndpoint, boolean separateController) {
        return start(name, awsEndpoint, separateController, List.of(), Map.of());
    }

    /**
     * @param extraArgs more options of {@code local.jar local}, such as {@code --pod-identity ...}
     * @param extraEnv environment of local mode itself (its own AWS credentials, say); adapters never inherit it
     */
    static LocalSystem start(String name, URI awsEndpoint, boolean separateController, List<String> extraArgs,
                             Map<String, String> extraEnv) {
        try {
            Path workDir = Path.of("target", "e2e", name).toAbsolutePath();
            deleteRecursively(workDir);  // logs of an earlier run would fail the canary check or fool a wait
            Files.createDirectories(workDir);
            Path manifests = Files.createDirectories(workDir.resolve("manifests"));
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-jar", localJar().toString(), "local", "-f", manifests.toString(),
                    "--work-dir", workDir.toString(), "--aws-endpoint", awsEndpoint.toString(),
                    "--log-level", "trace"));
            if (separateController) {
                command.add("--no-controller");
            }
            command.addAll(extraArgs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            builder.environment().putAll(extraEnv);
            LocalSystem system = new LocalSystem(name, workDir, awsEndpoint, builder.start());
            if (separateController) {
                system.startController();
            }
            return system;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Local mode's jar (the local module's): the controller jar carries no in-memory API server. */
    static Path localJar() {
        Path jar = Path.of(System.getProperty("e2e.localJar", "../local/target/local.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no local mode jar at " + jar.toAbsolutePath()
                    + ": build it first with ./mvnw -B -q install -DskipTests");
        }
        return jar.toAbsolutePath();
    }

    static Path controllerJar() {
        Path jar = Path.of(System.getProperty("e2e.controllerJar", "../controller/target/controller.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no controller jar at " + jar.toAbsolutePath()
                    + ": build it first with ./mvnw -B -q install -DskipTests");
        }
        return jar.toAbsolutePath();
    }

    /** Starts the real controller ({@code controller.jar run}) against this system's API; logs at TRACE. */
    synchronized void startController() {
        Path log = workDir.resolve("controller-" + (controllerLogs.size() + 1) + ".log");
        controllerLogs.add(log);
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dtriggermesh.kubernetes.kubeconfig=" + workDir.resolve("kubeconfig"),
                "-Dtriggermesh.controller.leader-election=false",
                "-Dtriggermesh.controller.resync=5s",
                "-Dtriggermesh.controller.initial-backoff=500ms",
                "-Dtriggermesh.controller.max-backoff=5s",
                "-Dtriggermesh.controller.aws-endpoint=" + awsEndpoint,
                "-Dmicronaut.server.port=" + freePort(),
                "-Dlogger.levels.io.triggermesh=TRACE",
                "-Dlogger.levels.software.amazon.awssdk=TRACE",
                "-jar", controllerJar().toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        try {
            controller = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the separately started controller at once (SIGKILL: no shutdown, as a node failure would). */
    synchronized void killController() throws InterruptedException {
        controller.destroyForcibly();
        controller.waitFor(30, TimeUnit.SECONDS);
    }

    KubernetesClient client() {
        return client;
    }

    Path workDir() {
        return workDir;
    }

    /** Creates or replaces every document of {@code yaml} (Secrets, ServiceAccounts and connector objects). */
    void apply(String namespace, String yaml) {
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            GenericKubernetesResource resource = Serialization.unmarshal(document, GenericKubernetesResource.class);
            if (resource == null) {
                continue;
            }
            resource.getMetadata().setNamespace(namespace);
            Optional<ResourceDefinitionContext> custom = Kinds.context(resource.getKind());
            if (custom.isPresent()) {
                client.genericKubernetesResources(custom.get()).inNamespace(namespace).resource(resource)
                        .createOr(r -> r.update());
            } else {
                HasMetadata typed = Serialization.unmarshal(document);
                typed.getMetadata().setNamespace(namespace);
                client.resource(typed).inNamespace(namespace).createOr(r -> r.update());
            }
        }
    }

    /** The connector object, as the API has it now. */
    GenericKubernetesResource get(String namespace, String kind, String name) {
        return client.genericKubernetesResources(Kinds.context(kind).orElseThrow()).inNamespace(namespace)
                .withName(name).get();
    }

    void delete(String namespace, String kind, String name) {
        client.genericKubernetesResources(Kinds.context(kind).orElseThrow()).inNamespace(namespace).withName(name)
                .delete();
    }

    /** The local URL of a running target adapter ({@code namespace/deployment}). */
    /** The URLs of every target adapter started so far, by deployment. */
    Map<String, String> targetUrls() {
        return Map.copyOf(targetUrls);
    }

    String targetUrl(String deployment) {
        return Waits.value("target " + deployment + " to listen", READY,
                () -> Optional.ofNullable(targetUrls.get(deployment)));
    }

    /** The process id of the adapter of {@code namespace/deployment} as last started. */
    long adapterPid(String deployment) {
        return Waits.value("adapter " + deployment + " to start", READY,
                () -> Optional.ofNullable(adapterPids.get(deployment)));
    }

    /** The log of the adapter of {@code namespace/deployment} (all its runs). */
    String adapterLog(String deployment) {
        Path log = Waits.value("adapter " + deployment + " to start", READY,
                () -> Optional.ofNullable(adapterLogs.get(deployment)));
        return read(log);
    }

    /** The AWS identity the adapter said it acts as in its latest run (sts:GetCallerIdentity). */
    String adapterIdentity(String deployment) {
        return Waits.value("adapter " + deployment + " to log its AWS identity", READY, () -> {
            String log = adapterLogs.containsKey(deployment) ? read(adapterLogs.get(deployment)) : "";
            int at = log.lastIndexOf("acting as AWS identity ");
            if (at < 0) {
                return Optional.empty();
            }
            String rest = log.substring(at + "acting as AWS identity ".length());
            return Optional.of(rest.substring(0, rest.indexOf('\n') < 0 ? rest.length() : rest.indexOf('\n'))
                    .trim());
        });
    }

    /** Every log this system wrote: local mode's console, the controllers', the adapters'. */
    List<Path> logs() {
        try (var files = Files.list(workDir)) {
            return files.filter(f -> f.toString().endsWith(".log")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readConsole() {
        Path console = workDir.resolve("console.log");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(local.getInputStream(),
                StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(console)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line + "\n");
                out.flush();
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    adapterPids.put(started.group(1), Long.parseLong(started.group(2)));
                    adapterLogs.put(started.group(1), Path.of(started.group(3)));
                    if (started.group(4) != null) {
                        targetUrls.put(started.group(1), started.group(4));
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() {
        client.close();
        if (controller != null) {
            controller.destroy();
            waitFor(controller);
        }
        List<ProcessHandle> adapters = local.descendants().toList();
        local.destroy();  // SIGTERM: local mode stops every adapter gracefully
        waitFor(local);
        List<ProcessHandle> leftOver = adapters.stream().filter(ProcessHandle::isAlive).toList();
        leftOver.forEach(ProcessHandle::destroyForcibly);
        if (!leftOver.isEmpty()) {
            throw new AssertionError("local mode left " + leftOver.size() + " adapter processes running");
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "LocalSystem[" + name + ", " + workDir + "]";
    }
}
