package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.adapter.AdapterLauncher;
import io.triggermesh.aws.sqs.AwsSqsSourceKind;
import io.triggermesh.aws.sqs.AwsSqsTargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an SQS adapter loads while it starts, in a JVM of its own, started as the image's training run starts it
 * (distribution/src/main/docker/prepare-jvm.sh: the launcher, the kind's settings, an AWS endpoint that refuses): no
 * jackson-databind class. What a training run loads goes into the image's AppCDS archive, and every class there costs
 * every adapter of the image memory, used or not (docs/benchmarks.md, "Memory of an adapter process"); the source
 * loads databind with its first message, the target with its first structured-mode event.
 */
class AdapterStartClassLoadingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {AwsSqsSourceKind.KIND, AwsSqsTargetKind.KIND})
    void startingAnAdapterLoadsNoJacksonDatabind(String kind) throws Exception {
        Path classes = dir.resolve("classes.log");
        Path out = dir.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes + ":none", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), AdapterLauncher.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("KIND", kind, "NAME", "start", "NAMESPACE", "test",
                "ARN", "arn:aws:sqs:us-east-1:000000000000:start", "K_SINK", "http://127.0.0.1:9/", "PORT", "0",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIASTARTTEST0000001", "AWS_SECRET_ACCESS_KEY", "start-test-secret"));
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        try {
            // Started, and past the first AWS calls (which fail: nothing listens on port 9).
            await().atMost(WAIT).untilAsserted(() -> assertThat(Files.readString(out))
                    .contains(kind.toLowerCase(Locale.ROOT) + "-adapter started").contains("GetQueueUrl"));
            process.destroy();
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the adapter stopped").isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> loaded = Files.readAllLines(classes).stream().map(line -> line.split(" ", 2)[0]).toList();
        assertThat(loaded).as("the class-load log is read").contains(AdapterLauncher.class.getName());
        assertThat(loaded).filteredOn(name -> name.startsWith("com.fasterxml.jackson.databind.")).isEmpty();
    }
}
