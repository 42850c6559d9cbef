package io.triggermesh.aws.e2e.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The connector generated from the archetype runs in local mode from its plugin jar alone, as
 * docs/connector-authors.md ("Local mode with the plugin jar") and docs/local-mode.md show it: {@code
 * TRIGGERMESH_PLUGINS_DIRECTORY=./plugins java -jar controller.jar local -f DIR}. The controller reconciles the
 * object to Ready, the generated adapter starts from the jar, and a CloudEvent posted to it is published to the
 * topic (seen on a queue subscribed to it), all against the AWS emulator.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ArchetypeConnectorLocalModeIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final String ACCOUNT = "271828182845";
    private static final Pattern LISTENING = Pattern.compile(
            "\\[local] started default/awssnstarget-orders \\(AWSSNSTarget\\), pid \\d+, log \\S+, listening on (\\S+)");

    private final GeneratedConnector connector = GeneratedConnector.find();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void localModeRunsTheGeneratedConnectorFromItsPluginJar(AwsEmulator emulator) throws Exception {
        Path work = fresh(Path.of("target", "e2e", "archetype-connector").toAbsolutePath());
        try (EmulatorIam iam = new EmulatorIam(emulator);
             SnsClient sns = SnsClient.builder().endpointOverride(emulator.endpoint())
                     .region(Region.of(emulator.region())).credentialsProvider(emulator.rootCredentialsProvider())
                     .overrideConfiguration(o -> o.putHeader(AwsEmulator.MOTO_ACCOUNT_HEADER, ACCOUNT)).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(emulator.endpoint())
                     .region(Region.of(emulator.region())).credentialsProvider(emulator.rootCredentialsProvider())
                     .overrideConfiguration(o -> o.putHeader(AwsEmulator.MOTO_ACCOUNT_HEADER, ACCOUNT)).build()) {
            String topic = sns.createTopic(b -> b.name("orders")).topicArn();
            String queueUrl = sqs.createQueue(b -> b.queueName("orders-copy")).queueUrl();
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").attributes(Map.of("RawMessageDelivery", "true"))
                    .endpoint("arn:aws:sqs:" + emulator.region() + ":" + ACCOUNT + ":orders-copy"));
            EmulatorIam.User publisher = iam.createUser(ACCOUNT, "orders-publisher",
                    EmulatorIam.allow("sns:Publish", topic));
            Path manifests = Files.createDirectories(work.resolve("manifests"));
            Files.writeString(manifests.resolve("orders.yaml"), """
                    apiVersion: targets.triggermesh.io/v1alpha1
                    kind: AWSSNSTarget
                    metadata:
                      name: orders
                    spec:
                      arn: %s
                      auth:
                        credentials:
                          accessKeyID: {value: %s}
                          secretAccessKey: {value: %s}
                    """.formatted(topic, publisher.keys().accessKeyId(), publisher.keys().secretAccessKey()));

            Path console = work.resolve("console.log");
            Process local = ControllerJar.start(
                    Map.of("TRIGGERMESH_PLUGINS_DIRECTORY", connector.pluginDirectory(work).toString()), console,
                    List.of("local", "-f", manifests.toString(), "--aws-endpoint", emulator.endpoint().toString(),
                            "--region", emulator.region(), "--work-dir", work.resolve("run").toString(),
                            "--duration", "PT5M"));
            try {
                String url = awaitReady(local, console, work.resolve("run"));

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(health.body()).contains("UP");

                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url + "/"))
                        .timeout(Duration.ofSeconds(20))
                        .header("ce-specversion", "1.0").header("ce-id", "order-1")
                        .header("ce-type", "com.example.order").header("ce-source", "shop")
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"order\":1}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
                assertThat(reply.headers().firstValue("ce-type")).hasValue("io.triggermesh.sns.publish.result");
                await("the event on the queue subscribed to the topic").atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                                .waitTimeSeconds(1)).messages()).extracting(Message::body)
                                .containsExactly("{\"order\":1}"));
            } finally {
                stop(local);
            }
        }
    }

    /** The adapter's URL once local mode printed the object Ready; fails with everything it printed if not. */
    private static String awaitReady(Process local, Path console, Path run) throws IOException {
        try {
            return await("AWSSNSTarget default/orders Ready with its adapter listening").atMost(READY)
                    .pollInterval(Duration.ofMillis(250)).failFast("local mode exited", () -> !local.isAlive())
                    .until(() -> readyAt(console), url -> url != null);
        } catch (RuntimeException e) {
            StringBuilder logs = new StringBuilder(Files.readString(console));
            if (Files.isDirectory(run)) {
                try (Stream<Path> files = Files.list(run)) {
                    for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                        logs.append("\n--- ").append(log).append('\n').append(Files.readString(log));
                    }
                }
            }
            throw new AssertionError(e.getMessage() + "; local mode printed:\n" + logs, e);
        }
    }

    /** The adapter's local URL once the object is Ready (printed by local mode), else null. */
    private static String readyAt(Path console) throws IOException {
        String printed = Files.readString(console);
        Matcher listening = LISTENING.matcher(printed);
        boolean ready = printed.lines().anyMatch(l -> l.startsWith("[status] AWSSNSTarget default/orders Ready=True"));
        return ready && listening.find() ? listening.group(1) : null;
    }

    /** SIGTERM, as Ctrl-C: local mode stops its adapters; none may be left running. */
    private static void stop(Process local) throws InterruptedException {
        List<ProcessHandle> adapters = local.descendants().toList();
        local.destroy();
        if (!local.waitFor(60, TimeUnit.SECONDS)) {
            local.destroyForcibly();
        }
        List<ProcessHandle> leftOver = adapters.stream().filter(ProcessHandle::isAlive).toList();
        leftOver.forEach(ProcessHandle::destroyForcibly);
        assertThat(leftOver).as("adapter processes left running by local mode").isEmpty();
    }

    private static Path fresh(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(directory);
    }
}
