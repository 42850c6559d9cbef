package io.triggermesh.aws.local;

import io.triggermesh.aws.controller.ControllerCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One adapter running as a local JVM process, as the kubelet would run its pod: the same entrypoint (adapter-runtime's
 * launcher, which starts the adapter registered for the {@code KIND} in the environment) and the same environment,
 * with output going to a log file (never to the console, where a debug log could show data).
 */
final class AdapterProcess implements AutoCloseable {

    static final String SLF4J_PROVIDER = "slf4j.provider";
    static final String JUL_PROVIDER = "org.slf4j.jul.JULServiceProvider";
    /**
     * adapter-runtime's {@code AdapterLogManager.JVM_OPTION} (the controller does not compile against the runtime):
     * the log manager must be chosen before the adapter's first class loads.
     */
    static final String LOG_MANAGER =
            "-Djava.util.logging.manager=io.triggermesh.aws.adapter.logging.AdapterLogManager";

    /**
     * adapter-runtime's {@code AdapterLauncher}, the adapter images' entrypoint too: every adapter, bundled or from the
     * plugin directory, starts through it.
     */
    static final String LAUNCHER = "io.triggermesh.aws.adapter.AdapterLauncher";

    private final String label;
    private final Process process;
    private final Path log;

    private AdapterProcess(String label, Process process, Path log) {
        this.label = label;
        this.process = process;
        this.log = log;
    }

    static AdapterProcess start(String label, String classpath, Map<String, String> env, Path log) {
        // The SDK must log through java.util.logging, where the adapter masks credentials, whatever other SLF4J
        // provider the class path (local mode's jar) carries.
        ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xss512k",
                "-XX:TieredStopAtLevel=1",
                // As the image (prepare-jvm.sh): keep a connection per SQS call in flight, not the JDK's 5.
                "-Dhttp.maxConnections=64",
                "-D" + SLF4J_PROVIDER + "=" + JUL_PROVIDER, "-D" + ControllerCommand.SLF4J_VERBOSITY + "=WARN",
                // Before any adapter class loads, so that lines logged while the adapter stops are kept.
                LOG_MANAGER, "-cp",
                classpath, LAUNCHER));
        // Only the pod's environment: nothing of the controller's own (its AWS credentials included) leaks in.
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new AdapterProcess(label, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start adapter " + label, e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM: the adapter drains and flushes pending deletes. */
    void terminate() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the process to end after {@link #terminate()}, then kills it. */
    void awaitExit(java.time.Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        terminate();
        awaitExit(LocalRunner.STOP_TIMEOUT);
    }

    @Override
    public String toString() {
        return label + " (pid " + process.pid() + ")";
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
