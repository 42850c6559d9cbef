package io.triggermesh.aws.bench.sqs;

import com.sun.net.httpserver.HttpServer;
import io.triggermesh.aws.bench.Bench;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process the benchmark measures from outside: an adapter as its image runs it, or a baseline (no-op server, raw
 * loop, Camel) in a JVM of its own. CPU time and resident memory come from {@code /proc/PID}, so every contender is
 * measured the same way, without the benchmark's own threads.
 */
final class ChildJvm implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread sampler;
    private volatile long maxRssKib;

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && process.isAlive()) {
                rssKib();
                try {
                    Thread.sleep(20);  // sampling memory, not synchronising
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "child-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The adapter of {@code kind} as its image starts it: the image's java command, the kind in {@code KIND}. */
    static ChildJvm adapter(String kind, Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> withKind = new java.util.HashMap<>(env);
        withKind.put("KIND", kind);
        withKind.put("LOG_LEVEL", "warn");
        return start(ImageJvm.adapterCommand(), withKind);
    }

    static ChildJvm start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildJvm(builder.start());
    }

    /** Waits for an output line starting with {@code prefix}; returns it. */
    String awaitLine(String prefix, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        StringBuilder seen = new StringBuilder();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("no line '" + prefix + "' within " + limit + (process.isAlive() ? ""
                        : " (exited " + process.exitValue() + ")") + "; output:\n" + seen);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (seen.length() < 20_000) {
                seen.append(line).append('\n');
            }
        }
    }

    /** Writes one line to the process's standard input. */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** User plus system CPU time of the whole process so far, from {@code /proc/PID/stat}, in nanoseconds. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // After the command name (in parentheses, may hold spaces): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + process.pid(), e);
        }
    }

    /** Resident set size now (and remembered as the maximum), KiB; -1 where unknown. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    maxRssKib = Math.max(maxRssKib, kib);
                    return kib;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Forgets the maximum RSS seen so far (to measure a phase). */
    void resetMaxRss() {
        maxRssKib = 0;
    }

    long maxRssMib() {
        return maxRssKib / 1024;
    }

    /** Live threads of the process, from {@code /proc/PID/status}. */
    int threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * Milliseconds from launching the adapter of {@code kind} to its first AWS call, seen by a stub endpoint that
     * answers every call with 500.
     */
    static double millisToFirstAwsCall(String kind, Map<String, String> env) throws Exception {
        AtomicLong first = new AtomicLong();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        stub.createContext("/", exchange -> {
            first.compareAndSet(0, System.nanoTime());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        stub.start();
        Map<String, String> withStub = new java.util.HashMap<>(env);
        withStub.put("AWS_ENDPOINT_URL", URI.create("http://127.0.0.1:" + stub.getAddress().getPort()).toString());
        ImageJvm.imageArgs();  // prepared before the clock starts
        long start = System.nanoTime();
        try (ChildJvm child = adapter(kind, withStub)) {
            Bench.until(start, () -> first.get() != 0, Duration.ofSeconds(30));
            return (first.get() - start) / 1e6;
        } finally {
            stub.stop(0);
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;  // Linux's USER_HZ everywhere in practice
        }
    }
}
