package io.triggermesh.aws.controller.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.spi.ConnectorPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoryTest {

    @Test
    void jarsInThePluginDirectoryAddConnectorsWithoutRebuildingTheController(@TempDir Path dir) throws IOException {
        writeServiceJar(dir.resolve("third-party.jar"), DirectoryTestPlugin.class.getName());

        ClassLoader loader = PluginRegistryFactory.classLoaderFor(dir, getClass().getClassLoader());
        PluginRegistry registry = PluginRegistry.load(loader, Set.of());

        assertThat(registry.findByKind("AWSDirectorySource")).isPresent();
        assertThat(registry.findByKind("AWSS3Source")).as("bundled plugins still load").isPresent();
    }

    @Test
    void missingPluginDirectoryIsAClearStartupError(@TempDir Path dir) {
        assertThatThrownBy(() -> PluginRegistryFactory.classLoaderFor(dir.resolve("absent"), getClass().getClassLoader()))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("absent");
    }

    private static void writeServiceJar(Path jar, String implementation) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry("META-INF/services/" + ConnectorPlugin.class.getName()));
            out.write((implementation + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
