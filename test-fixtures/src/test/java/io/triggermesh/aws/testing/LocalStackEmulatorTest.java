package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackEmulatorTest {

    @TempDir
    Path home;

    @Test
    void dockerHostVariableIsAHint() {
        assertThat(LocalStackEmulator.dockerHinted(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), home)).isTrue();
    }

    @Test
    void testcontainersConfigurationIsAHint() throws IOException {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://127.0.0.1:2375\n");

        assertThat(LocalStackEmulator.dockerHinted(Map.of(), home)).isTrue();
    }

    @Test
    void socketInTheRuntimeDirectoryIsAHint() throws IOException {
        Path runtime = Files.createDirectories(home.resolve("run"));
        Files.createFile(runtime.resolve("docker.sock"));

        assertThat(LocalStackEmulator.dockerHinted(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home)).isTrue();
    }
}
