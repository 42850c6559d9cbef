package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "uses POSIX file permissions")
class MotoServerProcessTest {

    @TempDir
    Path temp;

    @Test
    void findsTheFirstExecutableOnPath() throws IOException {
        Path notExecutable = Files.createDirectories(temp.resolve("a"));
        Files.createFile(notExecutable.resolve("moto_server"));
        Path executable = Files.createDirectories(temp.resolve("b"));
        Files.createFile(executable.resolve("moto_server"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        String path = temp.resolve("missing") + File.pathSeparator + notExecutable + File.pathSeparator + executable;

        assertThat(MotoServerProcess.findOnPath(path)).contains(executable.resolve("moto_server"));
    }

    @Test
    void findsNothingOnAnEmptyPath() {
        assertThat(MotoServerProcess.findOnPath("")).isEmpty();
        assertThat(MotoServerProcess.findOnPath(null)).isEmpty();
    }
}
