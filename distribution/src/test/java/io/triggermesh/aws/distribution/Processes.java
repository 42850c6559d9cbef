package io.triggermesh.aws.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the distribution's programs as a container would, and collects what they print. */
final class Processes {

    /** How a run ended: its exit code (null when it was still running and got stopped) and its output. */
    record Outcome(Integer exitCode, String output) {
    }

    private Processes() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code command} with a clean environment plus {@code env}; stops it after {@code limit}. */
    static Outcome run(List<String> command, Map<String, String> env, Duration limit, Path workDir)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "process", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        builder.environment().putAll(env);
        Process process = builder.start();
        Integer exit = null;
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = process.exitValue();
        } else {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        return new Outcome(exit, Files.readString(log, StandardCharsets.UTF_8));
    }

    static List<String> javaCommand(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(arguments));
        return command;
    }
}
