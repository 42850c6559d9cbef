package io.triggermesh.aws.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled distribution (target/triggermesh-aws-VERSION): the controller jar runs its commands with the bundled
 * plugins, and the controller image's preparation (prepare-jvm.sh: java.args and the AppCDS archive) yields an
 * entrypoint that starts, with the archive mapped. The adapter images are {@link AdapterImagesIT}'s. Docker cannot run
 * here; this is everything the images do except pulling the base image.
 */
class DistributionIT {

    private final Path dist = Path.of(System.getProperty("distribution.directory",
            "target/triggermesh-aws-0.1.0-SNAPSHOT"));

    @Test
    void distributionHoldsEverythingAnInstallNeeds() {
        for (String path : List.of("controller/controller.jar", "adapters", "docker/controller.Dockerfile",
                "docker/adapter.Dockerfile", "docker/prepare-jvm.sh", "charts/triggermesh-aws/Chart.yaml",
                "charts/triggermesh-aws/crds/sources.triggermesh.io_awss3sources.yaml",
                "crds/targets.triggermesh.io_awssqstargets.yaml", "examples/aws-credentials", "LICENSE")) {
            assertThat(dist.resolve(path)).as(path).exists();
        }
    }

    @Test
    void controllerJarListsItsCommands(@TempDir Path work) throws Exception {
        Processes.Outcome help = controller(work, "--help");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("run", "validate", "policy", "render");
    }

    @Test
    void controllerJarCarriesTheBundledS3AndSqsPlugins(@TempDir Path work) throws Exception {
        Processes.Outcome s3 = controller(work, "policy", "AWSS3Source", "--for", "adapter");
        assertThat(s3.exitCode()).as(s3.output()).isZero();
        assertThat(s3.output()).contains("sqs:ReceiveMessage");
        Processes.Outcome sqs = controller(work, "policy", "AWSSQSTarget", "--for", "adapter");
        assertThat(sqs.exitCode()).as(sqs.output()).isZero();
        assertThat(sqs.output()).contains("sqs:SendMessage");
    }

    @Test
    void controllerValidatesTheExamplesItShipsWith(@TempDir Path work) throws Exception {
        Processes.Outcome validate = controller(work, "validate", "-f", dist.resolve("examples").toString());
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).as("start-up noise of an offline command").doesNotContain("SLF4J(I)",
                "Connector plugin");
    }

    @Test
    void controllerRunServesItsProbesEvenBeforeItReachesAnApiServer(@TempDir Path work) throws Exception {
        Path kubeconfig = work.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: none, cluster: {server: "http://127.0.0.1:%d"}}]
                contexts: [{name: none, context: {cluster: none, user: none}}]
                current-context: none
                users: [{name: none, user: {token: none}}]
                """.formatted(freePort()));
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Processes.javaCommand("-jar",
                dist.resolve("controller/controller.jar").toAbsolutePath().toString(), "run"))
                .redirectErrorStream(true).redirectOutput(work.resolve("run.log").toFile());
        builder.environment().put("TRIGGERMESH_HTTP_PORT", Integer.toString(port));
        builder.environment().put("TRIGGERMESH_KUBERNETES_KUBECONFIG", kubeconfig.toString());
        Process run = builder.start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    assertThat(status(port, "/health/liveness")).as(Files.readString(work.resolve("run.log")))
                            .isEqualTo(200));
        } finally {
            run.destroy();
            if (!run.waitFor(20, TimeUnit.SECONDS)) {
                run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void controllerImagePreparationGivesAStartingEntrypointWithItsCdsArchive(@TempDir Path work) throws Exception {
        Path app = Files.createDirectories(work.resolve("app"));
        Files.copy(dist.resolve("controller/controller.jar"), app.resolve("controller.jar"));
        copyTree(dist.resolve("examples"), app.resolve("training/examples"));
        String dockerfile = Files.readString(dist.resolve("docker/controller.Dockerfile"));
        List<String> prepare = new ArrayList<>(List.of("sh", dist.resolve("docker/prepare-jvm.sh").toString(),
                app.toString(), "io.triggermesh.aws.controller.ControllerCommand"));
        Matcher training = Pattern.compile("\"([^\"]+)\"").matcher(runInstruction(dockerfile));
        while (training.find()) {
            prepare.add(training.group(1).replace("/app/", app + "/"));
        }
        assertThat(prepare).hasSizeGreaterThan(4);
        Processes.Outcome prepared = Processes.run(prepare, Map.of(), Duration.ofMinutes(3), work);
        assertThat(prepared.exitCode()).as(prepared.output()).isZero();
        assertThat(app.resolve("app.jsa")).isNotEmptyFile();

        Processes.Outcome help = Processes.run(Processes.javaCommand("@" + strictArgs(app)), Map.of(),
                Duration.ofSeconds(60), work);
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Commands:");
        assertArchiveMapsWhereDumped(app, work);
    }

    /**
     * A start with the image's java.args maps the AppCDS archive at the address it was dumped for: relocated (JDK 17
     * updates' default), every page of it becomes private dirty memory in each process instead of file pages shared
     * by the pods of the image. The program arguments print something and end at once.
     */
    static void assertArchiveMapsWhereDumped(Path app, Path work, String... programArguments) throws Exception {
        List<String> command = Processes.javaCommand("@" + strictArgs(app));
        command.addAll(List.of(programArguments));
        Processes.Outcome start = Processes.run(command, Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds=info"),
                Duration.ofSeconds(60), work);
        assertThat(start.output()).as(start.output()).contains("Mapped static  region #0")
                .doesNotContain("alternative address");
    }

    /** java.args with -Xshare:on, so that a start fails instead of silently running without the archive. */
    static Path strictArgs(Path app) throws IOException {
        Path strict = app.resolve("java-strict.args");
        Files.writeString(strict, Files.readString(app.resolve("java.args")).replace("-Xshare:auto", "-Xshare:on"));
        return strict;
    }

    private Processes.Outcome controller(Path work, String... arguments) throws Exception {
        List<String> command = Processes.javaCommand("-jar", dist.resolve("controller/controller.jar")
                .toAbsolutePath().toString());
        command.addAll(List.of(arguments));
        return Processes.run(command, Map.of(), Duration.ofSeconds(90), work);
    }

    private static String runInstruction(String dockerfile) {
        String joined = dockerfile.replace("\\\n", " ");
        return joined.lines().filter(l -> l.startsWith("RUN ") && l.contains("prepare-jvm.sh")).findFirst()
                .orElseThrow().replaceAll("&&.*", "");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int status(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
