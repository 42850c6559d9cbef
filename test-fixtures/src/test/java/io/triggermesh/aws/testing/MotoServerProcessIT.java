package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The process handling on its own: a second moto next to the shared one, started and killed by the test. */
@EnabledIf(value = "motoOnPath", disabledReason = "moto_server is not on PATH")
class MotoServerProcessIT {

    static boolean motoOnPath() {
        return MotoServerProcess.findOnPath(System.getenv("PATH")).isPresent();
    }

    @Test
    void startsOnLoopbackLogsUnderTargetAndCloseKillsTheProcessTree() throws Exception {
        Path executable = MotoServerProcess.findOnPath(System.getenv("PATH")).orElseThrow();
        Path logs = Path.of("target", "aws-emulator");

        MotoServerProcess server = MotoServerProcess.start(executable, logs);
        List<ProcessHandle> tree;
        try {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(EmulatorHttp.probe(server.endpoint().resolve("/moto-api/"), Duration.ofSeconds(2)))
                    .hasValue(200);
            assertThat(server.log()).startsWith(logs).exists();
            tree = Stream.concat(Stream.of(server.handle()), server.handle().descendants()).toList();
        } finally {
            server.close();
        }

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(EmulatorHttp.probe(server.endpoint().resolve("/moto-api/"), Duration.ofSeconds(2))).isEmpty();
    }
}
