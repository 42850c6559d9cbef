package io.triggermesh.aws.bench.sqs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The SQS adapter image's JVM, as the image has it: its class path ({@code distribution/target/adapters/sqs/lib}) and
 * the {@code java.args} and AppCDS archive that the image's own {@code distribution/src/main/docker/prepare-jvm.sh}
 * writes (prepared once into {@code benchmarks/target/adapter-image}, again whenever a jar is newer). Every process
 * the benchmark starts runs with these options, plus {@link #POD_MEMORY}: what the JVM sees in a pod with the
 * memory limit the controller renders by default.
 */
final class ImageJvm {

    /** The adapter Deployments' default memory limit (256Mi), seen by the JVM as the machine's memory. */
    static final String POD_MEMORY = "-XX:MaxRAM=256m";

    private static final Path LIB = Path.of(System.getProperty("bench.adapterLib",
            "distribution/target/adapters/sqs/lib"));
    private static final Path APP = Path.of("benchmarks", "target", "adapter-image").toAbsolutePath();
    private static final Path PREPARE = Path.of("distribution", "src", "main", "docker", "prepare-jvm.sh");

    private static List<String> args;

    private ImageJvm() {
    }

    /** The image's java.args, one argument per line: options, {@code -cp}, the class path, the launcher. */
    static synchronized List<String> imageArgs() throws IOException, InterruptedException {
        if (args == null) {
            prepare();
            args = Files.readAllLines(APP.resolve("java.args")).stream().filter(l -> !l.isBlank()).toList();
        }
        return args;
    }

    /** The java command of the adapter image (its entrypoint), in a pod of {@link #POD_MEMORY}. */
    static List<String> adapterCommand() throws IOException, InterruptedException {
        imageArgs();
        List<String> command = new ArrayList<>(List.of(java(), POD_MEMORY));
        // For trying options out only: the figures of docs/benchmarks.md are measured without.
        String extra = System.getProperty("bench.adapterJvm", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("@" + APP.resolve("java.args"));
        return command;
    }

    /**
     * A java command running {@code mainClass} of the benchmark with the image's options (no CDS archive, which
     * holds the adapter's classes only) and the given class path: the no-op server and the raw loops run with the
     * same JVM as the adapter, so that their CPU per request compares.
     */
    static List<String> benchCommand(String classpath, String mainClass) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), POD_MEMORY));
        for (String arg : imageArgs()) {
            if (arg.equals("-cp")) {
                break;
            }
            if (!arg.startsWith("-XX:SharedArchiveFile") && !arg.startsWith("-Xshare")
                    && !arg.startsWith("-Djava.util.logging.manager")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", classpath, mainClass));
        return command;
    }

    /** The image's jars plus the benchmark's own classes: what the raw loops and the no-op server need. */
    static String imageClasspathWithBench() {
        return Path.of("benchmarks", "target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + LIB.toAbsolutePath() + java.io.File.separator + "*";
    }

    static String javaOptionsSummary() throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of(POD_MEMORY));
        for (String arg : imageArgs()) {
            if (arg.equals("-cp")) {
                break;
            }
            options.add(arg.startsWith("-XX:SharedArchiveFile") ? "-XX:SharedArchiveFile=app.jsa" : arg);
        }
        return String.join(" ", options);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void prepare() throws IOException, InterruptedException {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException("no " + LIB + ": build the adapter image's class path first, from the"
                    + " repository root: ./mvnw -B -q -Pbenchmarks -pl benchmarks,distribution -am package"
                    + " -Dmaven.test.skip=true");
        }
        Path args = APP.resolve("java.args");
        if (Files.exists(args) && newest(LIB) < Files.getLastModifiedTime(args).toMillis()
                && Files.getLastModifiedTime(PREPARE).toMillis() < Files.getLastModifiedTime(args).toMillis()) {
            return;
        }
        System.out.println("preparing the adapter image's JVM (" + PREPARE + " on " + LIB + ")...");
        if (Files.exists(APP)) {
            try (Stream<Path> old = Files.walk(APP)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(APP.resolve("lib"));
        try (Stream<Path> jars = Files.list(LIB)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, APP.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Process prepare = new ProcessBuilder("sh", PREPARE.toString(), APP.toString(), "--adapter")
                .redirectErrorStream(true).redirectOutput(APP.resolve("prepare.log").toFile()).start();
        if (!prepare.waitFor(5, TimeUnit.MINUTES) || prepare.exitValue() != 0) {
            prepare.destroyForcibly();
            throw new IllegalStateException("prepare-jvm.sh failed, see " + APP.resolve("prepare.log"));
        }
    }

    private static long newest(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long newest = 0;
            for (Path f : files.toList()) {
                newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
            }
            return newest;
        }
    }
}
