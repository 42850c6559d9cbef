package io.triggermesh.aws.e2e.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated connector's adapter image works with what the controller renders for it: the image is laid out as
 * the generated Dockerfile's COPY lines say ({@code target/image/lib} and the module's jar under {@code /app/lib})
 * and started with its ENTRYPOINT (adapter-runtime's launcher) and exactly the environment of the Deployment that
 * {@code controller.jar render} prints for the object (Secret references resolved as the kubelet would, plus the
 * {@code PORT} and {@code BIND_ADDRESS} local mode gives a target). The launcher finds the generated adapter by the
 * rendered {@code KIND}, and a CloudEvent posted to it is published to the topic.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ArchetypeConnectorImageIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "161803398874";

    private final GeneratedConnector connector = GeneratedConnector.find();

    @Test
    void theAdapterImageStartsTheKindWithTheRenderedDeploymentsEnvironment(AwsEmulator emulator, @TempDir Path tmp)
            throws Exception {
        try (EmulatorTopic topic = new EmulatorTopic(emulator, ACCOUNT, "invoices")) {
            Path manifest = Files.writeString(tmp.resolve("invoices.yaml"), topic.manifest("invoices"));
            ControllerJar.Result render = ControllerJar.run(Map.of(
                    "TRIGGERMESH_PLUGINS_DIRECTORY", connector.pluginDirectory(tmp).toString(),
                    "TRIGGERMESH_CONTROLLER_AWS_ENDPOINT", emulator.endpoint().toString(),
                    "TRIGGERMESH_CONTROLLER_AWS_REGION", emulator.region()), tmp, "render", "-f", manifest.toString());
            assertThat(render.exitCode()).as(render.output()).isZero();

            Map<String, String> env = podEnvironment(render.output(), Map.of("id",
                    topic.publisher.keys().accessKeyId(), "secret", topic.publisher.keys().secretAccessKey()));
            int port = freePort();
            env.put("PORT", Integer.toString(port));
            env.put("BIND_ADDRESS", "127.0.0.1");
            env.put("HOME", tmp.toString());

            Path image = buildImage(tmp.resolve("image"));
            Path log = tmp.resolve("adapter.log");
            ProcessBuilder builder = new ProcessBuilder(entrypoint(image)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process adapter = builder.start();
            try {
                String url = "http://127.0.0.1:" + port;
                try {
                    await("the adapter listening").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                            .failFast("the adapter exited", () -> !adapter.isAlive())
                            .until(() -> Files.readString(log).contains("receiving CloudEvents on port " + port));
                } catch (RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "; the adapter printed:\n" + Files.readString(log), e);
                }
                topic.assertAdapterPublishes(url);
            } finally {
                adapter.destroy();
                if (!adapter.waitFor(30, TimeUnit.SECONDS)) {
                    adapter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The rendered Deployment's adapter environment, Secret references resolved from {@code secretValues}. */
    private static Map<String, String> podEnvironment(String rendered, Map<String, String> secretValues)
            throws IOException {
        JsonNode container = null;
        try (var documents = YAML.readValues(YAML.getFactory().createParser(rendered), JsonNode.class)) {
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object.path("kind").asText().equals("Deployment")) {
                    container = object.at("/spec/template/spec/containers/0");
                }
            }
        }
        assertThat(container).as("a Deployment in what render printed:%n%s", rendered).isNotNull();
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode var : container.path("env")) {
            String name = var.path("name").asText();
            if (var.has("value")) {
                env.put(name, var.path("value").asText());
            } else {
                String key = var.at("/valueFrom/secretKeyRef/key").asText();
                assertThat(secretValues).as("the Secret key %s that %s refers to", key, name).containsKey(key);
                env.put(name, secretValues.get(key));
            }
        }
        assertThat(env).containsEntry("KIND", GeneratedConnector.KIND);
        return env;
    }

    /** The image's files, from the generated Dockerfile's {@code COPY SOURCE DESTINATION} lines. */
    private Path buildImage(Path image) throws IOException {
        for (String line : Files.readAllLines(connector.project().resolve("Dockerfile"))) {
            String[] copy = line.trim().split("\\s+");
            if (copy.length != 3 || !copy[0].equals("COPY")) {
                continue;
            }
            Path source = connector.project().resolve(copy[1]);
            Path destination = Files.createDirectories(ChartInstall.under(image, copy[2]));
            try (Stream<Path> files = Files.isDirectory(source) ? Files.list(source) : Stream.of(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, destination.resolve(file.getFileName()));
                }
            }
        }
        return image;
    }

    /** The generated Dockerfile's ENTRYPOINT, with this JVM's java and the image's absolute paths under it. */
    private List<String> entrypoint(Path image) throws IOException {
        String line = Files.readAllLines(connector.project().resolve("Dockerfile")).stream()
                .filter(l -> l.startsWith("ENTRYPOINT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no ENTRYPOINT in the generated Dockerfile"));
        List<String> command = new ArrayList<>();
        for (JsonNode part : JSON.readTree(line.substring("ENTRYPOINT ".length()))) {
            String arg = part.asText();
            command.add(arg.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : arg.startsWith("/") ? image + arg : arg);
        }
        assertThat(command).contains("io.triggermesh.aws.adapter.AdapterLauncher");
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
