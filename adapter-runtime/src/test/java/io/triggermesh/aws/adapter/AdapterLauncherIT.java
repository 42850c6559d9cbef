package io.triggermesh.aws.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter launcher as a process, started as an image or local mode starts it but without the log-manager option
 * on the command line: it runs the adapter registered for {@code KIND}, and refuses with one line and its own exit
 * code when the kind has no adapter or two.
 */
class AdapterLauncherIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void theAdapterOfTheKindRunsAndKeepsLoggingWhileItStopsDespiteItsStaticLogger() throws Exception {
        Path log = dir.resolve("adapter.log");
        Process process = launch(Map.of("KIND", StaticLoggerAdapter.KIND, "NAME", "launched", "NAMESPACE", "test",
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIALAUNCHERTEST0001",
                "AWS_SECRET_ACCESS_KEY", "launcher-test-secret", "AWS_ENDPOINT_URL", "http://127.0.0.1:9"), log);
        try {
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(Files.readString(log)).contains("teststaticlogger-adapter started"));
        } finally {
            process.destroy();
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).as("adapter log").contains("teststaticlogger-adapter stopping")
                .contains(StaticLoggerAdapter.STOPPING_LINE).doesNotContain("was started without");
    }

    @Test
    void aKindWithoutAdapterIsOneLineAndExitCode3() throws Exception {
        Outcome outcome = run(Map.of("KIND", "AWSNoSuchSource"));
        assertThat(outcome.exitCode()).isEqualTo(AdapterLauncher.EXIT_NO_ADAPTER);
        assertThat(outcome.output().strip()).hasLineCount(1).startsWith("adapter: no adapter for kind 'AWSNoSuchSource'")
                .contains(StaticLoggerAdapter.KIND, TwinAdapters.KIND, "META-INF/services/" + KindAdapter.class.getName());
    }

    @Test
    void aKindWithTwoAdaptersIsOneLineAndExitCode3() throws Exception {
        Outcome outcome = run(Map.of("KIND", TwinAdapters.KIND));
        assertThat(outcome.exitCode()).isEqualTo(AdapterLauncher.EXIT_NO_ADAPTER);
        assertThat(outcome.output().strip()).hasLineCount(1)
                .startsWith("adapter: 2 adapters serve kind 'TestTwin'")
                .contains(TwinAdapters.First.class.getName(), TwinAdapters.Second.class.getName());
    }

    @Test
    void aMissingKindIsOneLineAndTheConfigurationExitCode() throws Exception {
        Outcome outcome = run(Map.of());
        assertThat(outcome.exitCode()).isEqualTo(AdapterRuntime.EXIT_CONFIG);
        assertThat(outcome.output().strip()).hasLineCount(1).startsWith("adapter: KIND is not set");
    }

    @Test
    void kindsListsEveryRegisteredAdapter() throws Exception {
        Outcome outcome = run(Map.of(), AdapterLauncher.LIST_KINDS);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output().lines()).containsExactly(StaticLoggerAdapter.KIND, TwinAdapters.KIND);
    }

    private Outcome run(Map<String, String> env, String... args) throws Exception {
        Path log = Files.createTempFile(dir, "launch", ".log");
        Process process = launch(env, log, args);
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit:\n" + Files.readString(log));
        }
        return new Outcome(process.exitValue(), Files.readString(log));
    }

    private static Process launch(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AdapterLauncher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = new HashMap<>(env);
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private record Outcome(int exitCode, String output) {
    }
}
