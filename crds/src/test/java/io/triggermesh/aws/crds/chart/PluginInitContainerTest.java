package io.triggermesh.aws.crds.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin init container's rendered command, run for real against a directory tree that plays the plugin image:
 * the image's files under {@code image/}, the shared emptyDir under {@code volume/}, and each volume mount a link
 * that replaces (hides) whatever the image had at the mount path, as a container runtime does.
 */
class PluginInitContainerTest {

    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<=^|\\s)/");

    @Test
    void jarsAtTheDocumentedDefaultPathReachTheControllersPluginDirectory(@TempDir Path tmp) throws Exception {
        // No path: the default, which is also what docs/install.md shows (/plugins).
        assertJarsReachTheController(tmp, "/plugins", Map.of());
    }

    @Test
    void jarsAtAnotherPathReachTheControllersPluginDirectory(@TempDir Path tmp) throws Exception {
        assertJarsReachTheController(tmp, "/opt/acme/jars", Map.of("plugins.jarImages[0].path", "/opt/acme/jars"));
    }

    private static void assertJarsReachTheController(Path tmp, String imagePath, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plugins.jarImages[0].name", "sns");
        values.put("plugins.jarImages[0].image", "registry.example.com/acme/sns:1.0.0");
        values.putAll(extra);
        Chart.Rendered rendered = Chart.render(values);
        JsonNode init = rendered.deployment().at("/spec/template/spec/initContainers/0");

        Path image = Files.createDirectories(tmp.resolve("image"));
        Path jars = Files.createDirectories(under(image, imagePath));
        Files.writeString(jars.resolve("sns-plugin.jar"), "plugin");
        Files.writeString(jars.resolve("sns-2.25.0.jar"), "client");
        Path volume = Files.createDirectories(tmp.resolve("volume"));
        String volumeName = null;
        for (JsonNode mount : init.path("volumeMounts")) {
            volumeName = mount.path("name").asText();
            mount(image, mount.path("mountPath").asText(), volume);
        }
        assertThat(volumeName).as("the init container mounts the plugin volume").isNotNull();

        List<String> command = new ArrayList<>();
        init.path("command").forEach(c -> command.add(c.asText()));
        assertThat(command).hasSize(3).startsWith("sh", "-c");
        String script = ABSOLUTE_PATH.matcher(command.get(2)).replaceAll(Matcher.quoteReplacement(image + "/"));
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the copy ends").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s%n%s", command.get(2), output).isZero();

        try (Stream<Path> copied = Files.list(volume)) {
            assertThat(copied.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sns-plugin.jar", "sns-2.25.0.jar");
        }
        // The controller mounts that same volume where it loads plugins from.
        String directory = rendered.env().get("TRIGGERMESH_PLUGINS_DIRECTORY");
        String name = volumeName;
        assertThat(rendered.controllerContainer().path("volumeMounts")).anySatisfy(mount -> {
            assertThat(mount.path("name").asText()).isEqualTo(name);
            assertThat(mount.path("mountPath").asText()).isEqualTo(directory);
        });
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

    private static Path under(Path root, String absolute) {
        return root.resolve(absolute.substring(1));
    }
}
