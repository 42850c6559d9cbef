package io.triggermesh.aws.bench.sqs;

import com.sun.net.httpserver.HttpServer;
import io.triggermesh.aws.bench.Bench;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** An adapter in its own JVM, as in its container, for memory and start-up figures. */
final class ChildAdapter implements AutoCloseable {

    /** The JVM options the adapter image should run with; the figures are measured with them. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k",
            "-XX:TieredStopAtLevel=1");

    private final Process process;
    private volatile long maxRssKib;

    private ChildAdapter(Process process) {
        this.process = process;
    }

    /** Starts the adapter of {@code kind} as its image does: adapter-runtime's launcher, the kind in {@code KIND}. */
    static ChildAdapter start(String kind, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath());
        command.add("io.triggermesh.aws.adapter.AdapterLauncher");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        builder.environment().put("KIND", kind);
        builder.environment().put("LOG_LEVEL", "warn");
        return new ChildAdapter(builder.start());
    }

    /**
     * The adapter's class path as its image has it: the jars {@code distribution/adapter-sqs} lays out in its
     * {@code target/lib} (built by the command in docs/benchmarks.md), or the class path given in
     * {@code -Dbench.adapterClasspath}. Without either, the benchmark's whole class path (slower to start, more
     * memory), and the figures say so.
     */
    static String classpath() {
        String given = System.getProperty("bench.adapterClasspath");
        if (given != null) {
            return given;
        }
        Path image = Path.of("distribution", "adapter-sqs", "target", "lib");
        if (Files.isDirectory(image)) {
            return image.toAbsolutePath() + java.io.File.separator + "*";
        }
        System.out.println("(no " + image + ": the adapter processes get the benchmark's whole class path)");
        return System.getProperty("java.class.path");
    }

    /** Samples the resident set size; call it often while the load runs. */
    long sampleRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    maxRssKib = Math.max(maxRssKib, kib);
                    return kib;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    long maxRssMib() {
        return maxRssKib / 1024;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /**
     * Milliseconds from launching the adapter of {@code kind} to its first AWS call, seen by a stub endpoint that answers
     * every call with 500.
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
        long start = System.nanoTime();
        try (ChildAdapter child = start(kind, withStub)) {
            Bench.until(start, () -> first.get() != 0, java.time.Duration.ofSeconds(30));
            return (first.get() - start) / 1e6;
        } finally {
            stub.stop(0);
        }
    }
}
