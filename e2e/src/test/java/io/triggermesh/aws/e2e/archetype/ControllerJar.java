package io.triggermesh.aws.e2e.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar controller.jar ...} as a user runs it: its own process, the given environment
 * ({@code TRIGGERMESH_PLUGINS_DIRECTORY} and the like) and none of this JVM's {@code AWS_*} variables.
 */
final class ControllerJar {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(90);

    /** What a finished command printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    private ControllerJar() {
    }

    static Path path() {
        Path jar = Path.of(System.getProperty("e2e.controllerJar", "../controller/target/controller.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no controller jar at " + jar.toAbsolutePath()
                    + ": build it first, for example ./mvnw -B -o verify -pl e2e -am");
        }
        return jar.toAbsolutePath();
    }

    /** Local mode's jar ({@code local.jar}: the controller's commands plus {@code local}). */
    static Path localPath() {
        Path jar = Path.of(System.getProperty("e2e.localJar", "../local/target/local.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no local mode jar at " + jar.toAbsolutePath()
                    + ": build it first, for example ./mvnw -B -o verify -pl e2e -am");
        }
        return jar.toAbsolutePath();
    }

    /** Starts {@code controller.jar args...} with its output written to {@code log}. */
    static Process start(Map<String, String> env, Path log, List<String> args) throws IOException {
        return start(path(), env, log, args);
    }

    /** Starts {@code jar args...} (the controller jar or local mode's) with its output written to {@code log}. */
    static Process start(Path jar, Map<String, String> env, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("TRIGGERMESH_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs {@code controller.jar args...} to its end (bounded: a hung command fails the test). */
    static Result run(Map<String, String> env, Path workDir, String... args) throws Exception {
        Path log = Files.createTempFile(Files.createDirectories(workDir), args[0] + "-", ".log");
        Process process = start(env, log, List.of(args));
        if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("controller.jar " + String.join(" ", args) + " did not end within "
                    + COMMAND_LIMIT + "; it printed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
