package io.triggermesh.aws.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A {@code moto_server} child process on a free loopback port; {@link #close()} kills its whole process tree. */
final class MotoServerProcess implements AutoCloseable {

    static final String EXECUTABLE = "moto_server";

    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    // Picking a free port and binding it are two steps, so another process may win the port in between.
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 20;

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServerProcess(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The first {@code moto_server} on the given PATH value that is an executable file. */
    static Optional<Path> findOnPath(String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        List<String> names = windows ? List.of(EXECUTABLE + ".exe", EXECUTABLE + ".cmd") : List.of(EXECUTABLE);
        for (String directory : pathVariable.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts moto and returns once {@code GET /moto-api/} answers; output goes to a file in {@code logDirectory}. */
    static MotoServerProcess start(Path executable, Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path log = logDirectory.resolve("moto_server-" + port + ".log");
            Process process = launch(executable, port, log);
            MotoServerProcess server = new MotoServerProcess(process, URI.create("http://127.0.0.1:" + port), log);
            try {
                server.awaitReady();
                return server;
            } catch (IllegalStateException e) {
                server.close();
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private static Process launch(Path executable, int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // The fixture promises DEFAULT_ACCOUNT and enforcement off at start; a developer's shell must not change that.
        builder.environment().remove("MOTO_ACCOUNT_ID");
        builder.environment().remove("INITIAL_NO_AUTH_ACTION_COUNT");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() {
        URI readiness = endpoint.resolve("/moto-api/");
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (EmulatorHttp.probe(readiness, PROBE_TIMEOUT).isPresent()) {
                return;
            }
            // Waiting on the process doubles as the poll interval and notices an early exit at once.
            if (waitForExit(POLL_INTERVAL)) {
                throw new IllegalStateException(EXECUTABLE + " exited with code " + process.exitValue()
                        + " before answering at " + endpoint + "; last lines of " + log + ":\n" + logTail());
            }
        }
        throw new IllegalStateException(EXECUTABLE + " did not answer " + readiness + " within " + STARTUP_DEADLINE
                + "; last lines of " + log + ":\n" + logTail());
    }

    URI endpoint() {
        return endpoint;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Kills moto and anything it spawned (a launcher shim may sit in between); idempotent. */
    @Override
    public void close() {
        // Snapshot first: once the parent dies its children are re-parented and no longer its descendants.
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!waitForExit(STOP_GRACE)) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private String logTail() {
        try {
            // Lenient decoding: a log with odd bytes must still show its tail.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return EXECUTABLE + " pid " + process.pid() + " at " + endpoint;
    }
}
