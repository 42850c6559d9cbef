package io.triggermesh.aws.e2e.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Helm chart of this repository rendered with the Helm Java binding ({@code helm template}), and what a pod of
 * its controller Deployment would do with the plugin image's files: each init container's rendered command is run
 * for real against a directory tree standing for the image (the image's files under {@code image/}, each volume a
 * directory that the mount replaces, hiding what the image had at the mount path, as a container runtime does).
 */
final class ChartInstall {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<=^|\\s)/");

    private final List<ObjectNode> objects;

    private ChartInstall(List<ObjectNode> objects) {
        this.objects = objects;
    }

    /** {@code helm template triggermesh-aws charts/triggermesh-aws -n triggermesh --set ...}. */
    static ChartInstall render(Map<String, String> values) throws IOException {
        Path chart = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize()
                .resolve("charts/triggermesh-aws");
        TemplateCommand template = new Helm(chart).template().withName("triggermesh-aws")
                .withNamespace("triggermesh").withKubeVersion("1.25.0");
        values.forEach(template::set);
        List<ObjectNode> objects = new ArrayList<>();
        try (var documents = YAML.readValues(YAML.getFactory().createParser(template.call()), JsonNode.class)) {
            while (documents.hasNext()) {
                if (documents.next() instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        }
        return new ChartInstall(objects);
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    JsonNode podSpec() {
        List<ObjectNode> deployments = ofKind("Deployment");
        assertThat(deployments).as("the chart's Deployments").hasSize(1);
        return deployments.get(0).at("/spec/template/spec");
    }

    JsonNode controllerContainer() {
        for (JsonNode container : podSpec().path("containers")) {
            if (container.path("name").asText().equals("controller")) {
                return container;
            }
        }
        throw new AssertionError("no controller container in " + podSpec());
    }

    /** The controller container's environment variables that have a value. */
    Map<String, String> controllerEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode var : controllerContainer().path("env")) {
            if (var.has("value")) {
                env.put(var.path("name").asText(), var.path("value").asText());
            }
        }
        return env;
    }

    /**
     * Runs the init container named {@code name} in {@code image} (a directory holding the image's files), with
     * each of its volumes a directory under {@code volumes}; returns the volume directories by volume name.
     */
    Map<String, Path> runInitContainer(String name, Path image, Path volumes) throws Exception {
        JsonNode init = null;
        for (JsonNode container : podSpec().path("initContainers")) {
            init = container.path("name").asText().equals(name) ? container : init;
        }
        assertThat(init).as("init container %s in %s", name, podSpec().path("initContainers")).isNotNull();
        Map<String, Path> mounted = new LinkedHashMap<>();
        for (JsonNode mount : init.path("volumeMounts")) {
            Path volume = Files.createDirectories(volumes.resolve(mount.path("name").asText()));
            mount(image, mount.path("mountPath").asText(), volume);
            mounted.put(mount.path("name").asText(), volume);
        }
        List<String> command = new ArrayList<>();
        init.path("command").forEach(c -> command.add(c.asText()));
        assertThat(command).as("the init container's command").hasSize(3).startsWith("sh", "-c");
        String script = ABSOLUTE_PATH.matcher(command.get(2)).replaceAll(Matcher.quoteReplacement(image + "/"));
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s ends", command.get(2)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code of %s; it printed:%n%s", command.get(2), output).isZero();
        return mounted;
    }

    /** Mounts {@code volume} at {@code mountPath} of the image: what the image had there is no longer visible. */
    private static void mount(Path image, String mountPath, Path volume) throws IOException {
        Path target = under(image, mountPath);
        if (Files.exists(target)) {
            try (Stream<Path> tree = Files.walk(target)) {
                for (Path p : tree.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(target, volume);
    }

    static Path under(Path root, String absolute) {
        return root.resolve(absolute.substring(1));
    }
}
