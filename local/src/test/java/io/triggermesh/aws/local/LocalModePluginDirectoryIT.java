package io.triggermesh.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.triggermesh.aws.adapter.KindAdapter;
import io.triggermesh.aws.controller.ControllerCommand;
import io.triggermesh.aws.spi.ConnectorPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Local mode serves a connector from the plugin directory like a bundled one: its kind is known to the in-memory
 * API and the controller, and its adapter runs with the plugin's jars on its class path. The plugin is compiled here
 * from {@code src/test/resources/local-plugin}, so neither it nor its adapter is on the controller's class path.
 */
class LocalModePluginDirectoryIT {

    private static final String PLUGIN = "com.example.jarplugin.JarPlugin";
    private static final String ADAPTER = "com.example.jarplugin.JarAdapter";
    private static final String MANIFEST = """
            apiVersion: sources.triggermesh.io/v1alpha1
            kind: AWSJarSource
            metadata:
              name: from-jar
            spec:
              arn: arn:aws:sqs:us-east-1:123456789012:jar-queue
              sink: {uri: "http://127.0.0.1:9/"}
              auth:
                credentials:
                  accessKeyID: {value: AKIAJARPLUGINTEST}
                  secretAccessKey: {value: jar-plugin-secret}
            """;

    @Test
    void aPluginDirectoryKindRunsItsAdapterFromThePluginJars(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        buildPluginJar(tmp.resolve("classes"), plugins.resolve("jar-plugin.jar"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path manifest = Files.writeString(tmp.resolve("source.yaml"), MANIFEST);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        try (LocalMode local = LocalMode.start(new LocalMode.Options(null, "us-east-1", 0, work,
                System.getProperty("java.class.path"), out, true, null, plugins))) {
            local.apply(List.of(manifest));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(adapterLogs(work))
                    .as("adapter logs; local mode printed:%n%s", console.toString(StandardCharsets.UTF_8))
                    .contains("jar adapter started: " + ADAPTER + " ARN=arn:aws:sqs:us-east-1:123456789012:jar-queue"));
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("(AWSJarSource)");
        }
    }

    @Test
    void theLocalCommandUsesTheControllersPluginDirectorySetting(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        buildPluginJar(tmp.resolve("classes"), plugins.resolve("jar-plugin.jar"));
        Path work = tmp.resolve("work");
        Path manifest = Files.writeString(tmp.resolve("source.yaml"), MANIFEST);

        // triggermesh.plugins.directory is what TRIGGERMESH_PLUGINS_DIRECTORY sets, for `run` as for `local`.
        // The context is built here, not by @MicronautTest: its property is the plugin directory this test builds,
        // and the other test starts local mode, which starts a controller context of its own.
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("triggermesh.plugins.directory", plugins.toString()))) {
            // The command line local.jar runs (LocalMain): the controller's commands plus local.
            CommandLine command = new CommandLine(ControllerCommand.class, new MicronautFactory(context))
                    .addSubcommand(LocalCommand.class);
            int code = command.execute("local", "-f", manifest.toString(), "--work-dir", work.toString(),
                    "--duration", "PT15S");
            assertThat(code).isZero();
        }
        assertThat(adapterLogs(work)).contains("jar adapter started: " + ADAPTER);
    }

    /** Compiles the plugin against the SPI on this class path and jars it with its ServiceLoader entry. */
    private static void buildPluginJar(Path classes, Path jar) throws IOException, URISyntaxException {
        Path sources = Path.of(LocalModePluginDirectoryIT.class.getResource("/local-plugin").toURI());
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = Stream.concat(Stream.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")), files.stream()).toList();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("plugin compiles").isZero();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            zip.putNextEntry(new ZipEntry("META-INF/services/" + ConnectorPlugin.class.getName()));
            zip.write((PLUGIN + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/services/" + KindAdapter.class.getName()));
            zip.write((ADAPTER + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Path c : walk.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(c).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(c));
                zip.closeEntry();
            }
        }
    }

    private static String adapterLogs(Path work) {
        try (Stream<Path> files = Files.list(work)) {
            StringBuilder all = new StringBuilder();
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(log));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
