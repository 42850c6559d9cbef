package io.triggermesh.aws.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adapter images of the distribution, found rather than listed: one class path per connector
 * ({@code adapters/<connector>/lib}), one image definition for all of them ({@code docker/adapter.Dockerfile}), and
 * adapter-runtime's launcher as the entrypoint, which starts the adapter registered for {@code KIND}. Every kind the
 * controller serves has its adapter in exactly one class path, and each image's preparation yields an entrypoint
 * that starts every kind it serves, with its class-data archive mapped.
 */
class AdapterImagesIT {

    static final String LAUNCHER = "io.triggermesh.aws.adapter.AdapterLauncher";
    private static final Pattern CLASS_LOADING_FAILURE =
            Pattern.compile("ClassNotFoundException|NoClassDefFoundError|Could not find or load main class"
                    + "|UnsupportedClassVersionError|NoSuchMethodError|ServiceConfigurationError");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DIST = Path.of(System.getProperty("distribution.directory",
            "target/triggermesh-aws-0.1.0-SNAPSHOT"));

    /** The connectors of the distribution: the directories under adapters/. */
    static List<String> connectors() {
        try (Stream<Path> dirs = Files.list(DIST.resolve("adapters"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifests under test/resources/fixtures, one per kind the tests render. */
    static List<String> fixtures() {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKindOfTheControllerHasItsAdapterInExactlyOneConnectorsClassPath(@TempDir Path work) throws Exception {
        Set<String> controllerKinds = kinds(DIST.resolve("controller/controller.jar").toString(), work);
        assertThat(controllerKinds).as("kinds with an adapter in the controller jar").isNotEmpty();
        assertThat(connectors()).isNotEmpty();
        Set<String> served = new HashSet<>();
        for (String connector : connectors()) {
            Set<String> kinds = kinds(libClassPath(connector), work);
            assertThat(kinds).as("kinds served by adapters/" + connector).isNotEmpty();
            for (String kind : kinds) {
                assertThat(served.add(kind)).as(kind + " is served by two connectors' class paths").isTrue();
            }
        }
        assertThat(served).isEqualTo(controllerKinds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theImageTheControllerRendersServesTheKindItNames(String fixture, @TempDir Path work) throws Exception {
        Path manifest = work.resolve(fixture);
        Files.copy(Path.of("src/test/resources/fixtures", fixture), manifest);
        List<String> render = Processes.javaCommand("-jar", DIST.resolve("controller/controller.jar")
                .toAbsolutePath().toString(), "render", "-f", manifest.toString());
        Processes.Outcome rendered = Processes.run(render, Map.of(), Duration.ofSeconds(90), work);
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        JsonNode container = deploymentContainer(rendered.output());
        assertThat(container.path("args").size()).as("args: the image's entrypoint takes none").isZero();
        String kind = env(container, "KIND");
        Matcher image = Pattern.compile("/adapter-([a-z0-9-]+):").matcher(container.path("image").asText());
        assertThat(image.find()).as(container.path("image").asText()).isTrue();

        assertThat(connectors()).contains(image.group(1));
        assertThat(kinds(libClassPath(image.group(1)), work)).contains(kind);
    }

    @ParameterizedTest(name = "adapter-{0}")
    @MethodSource("connectors")
    void imagePreparationGivesAnEntrypointThatStartsEveryKindItServes(String connector, @TempDir Path work)
            throws Exception {
        Path app = Files.createDirectories(work.resolve("app"));
        DistributionIT.copyTree(DIST.resolve("adapters/" + connector + "/lib"), app.resolve("lib"));
        Processes.Outcome prepared = Processes.run(List.of("sh", DIST.resolve("docker/prepare-jvm.sh").toString(),
                app.toString(), "--adapter"), Map.of(), Duration.ofMinutes(3), work);
        assertThat(prepared.exitCode()).as(prepared.output()).isZero();
        assertThat(Files.readString(app.resolve("java.args"))).contains(LAUNCHER,
                "-Djava.util.logging.manager=io.triggermesh.aws.adapter.logging.AdapterLogManager");
        DistributionIT.assertArchiveMapsWhereDumped(app, work, "--kinds");

        String args = "@" + DistributionIT.strictArgs(app);
        for (String kind : kinds(libClassPath(connector), work)) {
            // As the controller starts it: no argument, the kind in the environment. Without its other settings an
            // adapter refuses to start (or waits for work); either way its classes must load.
            Processes.Outcome start = Processes.run(Processes.javaCommand(args),
                    Map.of("KIND", kind, "NAME", "distribution-test", "NAMESPACE", "test"), Duration.ofSeconds(15),
                    work);
            assertThat(CLASS_LOADING_FAILURE.matcher(start.output()).find()).as(kind + ":\n" + start.output())
                    .isFalse();
            assertThat(start.output()).as(kind).doesNotContain("shared archive file", "CDS is disabled",
                    "No SLF4J providers", "no adapter for kind");
        }
    }

    @ParameterizedTest(name = "adapter-{0}")
    @MethodSource("connectors")
    void imageCarriesExactlyOneSlf4jProviderTheJdkLoggingBridge(String connector) throws IOException {
        // The AWS SDK logs through SLF4J. Without a provider its warnings are dropped; with logback they would
        // bypass the adapter's credential masking, which sits on java.util.logging.
        try (Stream<Path> jars = Files.list(DIST.resolve("adapters/" + connector + "/lib"))) {
            List<String> providers = jars.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("slf4j-") && !f.startsWith("slf4j-api") || f.startsWith("logback-"))
                    .toList();
            assertThat(providers).singleElement().asString().startsWith("slf4j-jdk14-");
        }
    }

    /** The kinds the launcher finds on {@code classPath} ({@code --kinds}). */
    private static Set<String> kinds(String classPath, Path work) throws Exception {
        Processes.Outcome listed = Processes.run(Processes.javaCommand("-cp", classPath, LAUNCHER, "--kinds"),
                Map.of(), Duration.ofSeconds(60), work);
        assertThat(listed.exitCode()).as(listed.output()).isZero();
        return Set.copyOf(listed.output().lines().filter(l -> l.matches("[A-Z][A-Za-z0-9]*")).toList());
    }

    private static String libClassPath(String connector) {
        return DIST.resolve("adapters/" + connector + "/lib").toAbsolutePath() + "/*";
    }

    private static String env(JsonNode container, String name) {
        List<String> values = new ArrayList<>();
        container.path("env").forEach(e -> {
            if (name.equals(e.path("name").asText())) {
                values.add(e.path("value").asText());
            }
        });
        assertThat(values).as(name + " in " + container).hasSize(1);
        return values.get(0);
    }

    private static JsonNode deploymentContainer(String rendered) throws IOException {
        var documents = YAML.readValues(YAML.getFactory().createParser(rendered), JsonNode.class);
        while (documents.hasNext()) {
            JsonNode document = documents.next();
            if ("Deployment".equals(document.path("kind").asText())) {
                return document.at("/spec/template/spec/containers/0");
            }
        }
        throw new AssertionError("render printed no Deployment:\n" + rendered);
    }
}
