package io.triggermesh.aws.e2e.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector built outside this repository, from the archetype alone (the project the archetype module's
 * integration test generated and built), works with this repository's controller jar and Helm chart as they are,
 * the way docs/connector-authors.md and docs/install.md tell its author and operator to use it: its plugin jar in
 * the plugin directory ({@code TRIGGERMESH_PLUGINS_DIRECTORY}) for {@code validate} and {@code render}, and copied
 * from its jar image by the chart's init container. Local mode with that jar is {@link ArchetypeConnectorLocalModeIT}.
 */
class ArchetypeConnectorIT {

    private static final String JAR_IMAGE = "registry.example.com/acme/triggermesh-plugin-sns:1.0.0";
    private static final String ADAPTER_IMAGE = "registry.example.com/acme/adapter-sns:1.0.0";

    private final GeneratedConnector connector = GeneratedConnector.find();

    @Test
    void validateAndRenderServeTheGeneratedKindFromThePluginDirectory(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("TRIGGERMESH_PLUGINS_DIRECTORY", connector.pluginDirectory(tmp).toString());
        Path manifests = Files.createDirectories(tmp.resolve("manifests"));
        Files.copy(connector.exampleManifest(), manifests.resolve("example.yaml"));
        Files.writeString(manifests.resolve("wrong-arn.yaml"), Files.readString(connector.exampleManifest())
                .replace("name: orders", "name: wrong-arn").replace("arn:aws:sns:", "arn:aws:sqs:"));

        ControllerJar.Result validate = ControllerJar.run(env, tmp, "validate", "-f", manifests.toString());

        // The example passes; the broken copy is refused by the plugin's own validate, so the plugin was loaded.
        assertThat(validate.output()).containsPattern("ok +\\S*example.yaml#0 " + connector.kind() + "/orders")
                .contains("spec.arn", connector.kind() + " needs an SNS topic ARN");
        assertThat(validate.exitCode()).as(validate.output()).isEqualTo(1);

        ControllerJar.Result render = ControllerJar.run(env, tmp, "render", "-f", connector.exampleManifest()
                .toString());

        assertThat(render.exitCode()).as(render.output()).isZero();
        assertThat(render.output()).contains("kind: \"Deployment\"", "name: \"KIND\"",
                "value: \"" + connector.kind() + "\"",
                // The image the generated plugin declares: its IMAGE_REPOSITORY tagged with the plugin's version.
                "image: \"registry.example.com/triggermesh/adapter-sns:1.0.0-SNAPSHOT\"");
    }

    @Test
    void theChartCopiesThePluginJarFromItsImageAndRunsTheKindOnItsAdapterImage(@TempDir Path tmp)
            throws Exception {
        // The values docs/install.md ("Adding a third-party connector") shows, and the kind's adapter image.
        Map<String, String> values = new LinkedHashMap<>();
        values.put("plugins.jarImages[0].name", GeneratedConnector.CONNECTOR);
        values.put("plugins.jarImages[0].image", JAR_IMAGE);
        values.put("plugins.jarImages[0].path", "/plugins");
        values.put("plugins.extraKinds[0].group", "targets.triggermesh.io");
        values.put("plugins.extraKinds[0].plural", "awssnstargets");
        values.put("adapterImages." + connector.kind(), ADAPTER_IMAGE);
        ChartInstall chart = ChartInstall.render(values);

        // The jar image: the plugin jar in /plugins, and a shell (the host's stands for it).
        Path image = Files.createDirectories(tmp.resolve("image"));
        Path jarInImage = Files.createDirectories(ChartInstall.under(image, "/plugins"))
                .resolve(connector.pluginJar().getFileName());
        Files.copy(connector.pluginJar(), jarInImage);
        Map<String, Path> volumes = chart.runInitContainer("plugin-" + GeneratedConnector.CONNECTOR, image,
                tmp.resolve("volumes"));

        Map<String, String> env = chart.controllerEnv();
        String pluginDirectory = env.get("TRIGGERMESH_PLUGINS_DIRECTORY");
        JsonNode mount = null;
        for (JsonNode m : chart.controllerContainer().path("volumeMounts")) {
            mount = m.path("mountPath").asText().equals(pluginDirectory) ? m : mount;
        }
        assertThat(mount).as("the controller mounts a volume at its plugin directory %s", pluginDirectory)
                .isNotNull();
        Path volume = volumes.get(mount.path("name").asText());
        assertThat(volume).as("the init container filled the volume the controller loads plugins from").isNotNull();
        assertThat(volume.resolve(jarInImage.getFileName())).hasSameBinaryContentAs(connector.pluginJar());

        // The controller container's own settings, its plugin directory being that volume: the kind is served from
        // the copied jar, on the adapter image the chart maps it to.
        Map<String, String> controller = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("TRIGGERMESH_PLUGINS_") || name.equals("TRIGGERMESH_CONTROLLER_ADAPTER_IMAGES")) {
                controller.put(name, value);
            }
        });
        controller.put("TRIGGERMESH_PLUGINS_DIRECTORY", volume.toString());
        ControllerJar.Result render = ControllerJar.run(controller, tmp, "render", "-f",
                connector.exampleManifest().toString());

        assertThat(render.exitCode()).as(render.output()).isZero();
        assertThat(render.output()).contains("image: \"" + ADAPTER_IMAGE + "\"", "value: \"" + connector.kind() + "\"");
        // The controller's RBAC covers the added kind.
        assertThat(chart.ofKind("ClusterRole")).anySatisfy(role -> assertThat(role.toString())
                .contains("\"awssnstargets\"", "\"awssnstargets/status\""));
    }
}
