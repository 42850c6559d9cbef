package io.triggermesh.aws.e2e.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The connector project the archetype module's integration test generated and built ({@code mvn verify} of the
 * generated project, its contract kit included): only what that build left in its {@code target/}, as a third party
 * would have it. Nothing here is compiled against it.
 *
 * @param project the generated project's directory
 * @param pluginJar {@code target/<artifactId>-<version>-plugin.jar}, the jar for the controller's plugin directory
 * @param exampleManifest {@code src/test/resources/examples/<Kind>.yaml}, the example the contract kit reads
 * @param kind the kind the project was generated with
 */
record GeneratedConnector(Path project, Path pluginJar, Path exampleManifest, String kind) {

    /** The kind the archetype's integration test generates (archetype/src/test/resources/projects/sns-target). */
    static final String KIND = "AWSSNSTarget";
    static final String CONNECTOR = "sns";

    /** The generated project, as the archetype module left it; fails saying how to make it when it is missing. */
    static GeneratedConnector find() {
        Path project = Path.of(System.getProperty("e2e.archetypeProject",
                "../archetype/target/test-classes/projects/sns-target/project/adapters-sns")).toAbsolutePath()
                .normalize();
        Path example = project.resolve("src/test/resources/examples/" + KIND + ".yaml");
        List<Path> pluginJars = list(project.resolve("target"), "-plugin.jar");
        if (!Files.isRegularFile(example) || pluginJars.size() != 1) {
            throw new IllegalStateException("no built project generated from the archetype at " + project
                    + " (found plugin jars " + pluginJars + "): the archetype module's integration test makes it;"
                    + " build it first, for example ./mvnw -B -o verify -pl e2e -am");
        }
        return new GeneratedConnector(project, pluginJars.get(0), example, KIND);
    }

    private static List<Path> list(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new plugin directory holding the plugin jar alone, as docs/connector-authors.md says to set it up. */
    Path pluginDirectory(Path parent) throws IOException {
        Path plugins = Files.createDirectories(parent.resolve("plugins"));
        Files.copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        return plugins;
    }
}
