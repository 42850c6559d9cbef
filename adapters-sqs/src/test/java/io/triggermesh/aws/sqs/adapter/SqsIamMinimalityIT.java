package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import io.triggermesh.aws.adapter.logging.SecretRedactor;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.sqs.AwsSqsSourceKind;
import io.triggermesh.aws.sqs.AwsSqsTargetKind;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import io.triggermesh.aws.testing.MotoPolicy;
import io.triggermesh.aws.testkit.adapter.EmulatorClients;
import io.triggermesh.aws.testkit.adapter.LoopbackSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapters' IAM declarations are minimal: with moto's IAM enforcement on, a user holding exactly the policy the
 * plugin declares runs the whole flow, and a user missing any one declared action fails with an error naming it.
 *
 * <p>Where the proof adapts to moto (docs/testing.md): moto checks sqs:GetQueueUrl against resource {@code *},
 * so that action is granted on {@code *} here (AWS scopes it to the queue ARN, as declared); and moto authorises the
 * batch calls under their own names, so every declared action that has a batch form (DeleteMessage,
 * ChangeMessageVisibility, SendMessage) is granted, and removed, together with it. AWS checks the single-message
 * action for the batch call, which is why the plugin declares only that one.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SqsIamMinimalityIT {

    private final AwsEmulator emulator;
    private final EmulatorClients aws;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final List<AdapterRuntime> running = new ArrayList<>();

    SqsIamMinimalityIT(AwsEmulator emulator) {
        emulator.assumeMoto();
        this.emulator = emulator;
        this.aws = new EmulatorClients(emulator);
    }

    @AfterEach
    void cleanUp() {
        running.forEach(AdapterRuntime::close);
        emulator.disableIamEnforcement();
        LogManager.getLogManager().reset();
        aws.close();
    }

    /** The declared statement for {@code queueArn}, without {@code removed}, as moto needs it. */
    static String motoPolicy(IamPermission declared, String queueArn, String removed) {
        IamPermission resolved = declared.resolve(Map.of("partition", "aws", "region", "us-east-1",
                "account", EmulatorIam.ACCOUNT, "queueName", queueArn.substring(queueArn.lastIndexOf(':') + 1)));
        return MotoPolicy.of(List.of(new MotoPolicy.Grant(resolved.actions(), resolved.resources())), removed);
    }

    private record Variant(String removed, EmulatorClients.Queue queue, EmulatorIam.User user) {
        Map<String, String> credentials() {
            return Map.of("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                    user.keys().secretAccessKey());
        }
    }

    private List<Variant> variants(IamPermission declared, String prefix, boolean withMessage) {
        List<String> removals = new ArrayList<>();
        removals.add("none");
        removals.addAll(declared.actions());
        List<Variant> variants = new ArrayList<>();
        try (EmulatorIam iam = new EmulatorIam(emulator)) {
            for (String removed : removals) {
                EmulatorClients.Queue queue = aws.queue(prefix);
                if (withMessage) {
                    aws.sqs().sendMessage(b -> b.queueUrl(queue.url()).messageBody("{\"n\":1}"));
                }
                String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
                variants.add(new Variant(removed, queue, iam.createUser(name, motoPolicy(declared, queue.arn(),
                        removed))));
            }
        }
        return variants;
    }

    @Test
    void theSourceNeedsExactlyItsDeclaredActions() throws Exception {
        List<Variant> variants = variants(AwsSqsSourceKind.CONSUME_MESSAGES, "iam-source", true);
        AdapterLogging.configure(Level.INFO, SecretRedactor.of(List.of()),
                new PrintStream(logs, true, StandardCharsets.UTF_8));
        Map<String, Integer> delivered = new LinkedHashMap<>();
        try (LoopbackSink sink = new LoopbackSink()) {
            emulator.enableIamEnforcement();
            for (Variant variant : variants) {
                AtomicInteger answers = new AtomicInteger();
                // The first answer asks for a retry, so the flow also changes a message's visibility.
                sink.answer(e -> answers.incrementAndGet() == 1 ? LoopbackSink.Answer.retryAfter(503, 1)
                        : LoopbackSink.Answer.OK);
                sink.clear();
                logs.reset();
                Map<String, String> env = new java.util.HashMap<>(aws.adapterEnv("ARN", variant.queue().arn(),
                        "K_SINK", sink.uri().toString(), "SQS_POLLERS", "1"));
                env.putAll(variant.credentials());
                AdapterRuntime source = AdapterRuntime.start(env, new SqsSourceAdapter());
                running.add(source);
                if (variant.removed().equals("none")) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> !sink.accepted().isEmpty());
                    // Closing as soon as the sink has the event could cut the delivery before the adapter read
                    // the sink's answer (the message then comes again, as it should): wait for the delete first.
                    // The full policy allows everything the adapter does, so enforcement can pause for the look.
                    emulator.disableIamEnforcement();
                    aws.awaitEmpty(variant.queue(), Duration.ofSeconds(20));
                    emulator.enableIamEnforcement();
                    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("access denied", "cannot read");
                } else if (variant.removed().equals("sqs:GetQueueAttributes")) {
                    // Only used to learn the queue's own visibility timeout: the adapter says so and goes on.
                    await().atMost(Duration.ofSeconds(20)).until(() -> logs.toString(StandardCharsets.UTF_8)
                            .contains("(sqs:GetQueueAttributes)"));
                } else {
                    await().atMost(Duration.ofSeconds(20)).until(() -> logs.toString(StandardCharsets.UTF_8)
                            .contains("access denied for " + variant.removed()));
                }
                source.close();
                delivered.put(variant.removed(), sink.accepted().size());
            }
        }
        emulator.disableIamEnforcement();
        assertThat(aws.depth(variants.get(0).queue())).as("the full policy deletes after delivery").isZero();
        assertThat(delivered.get("none")).isEqualTo(1);
        assertThat(delivered.get("sqs:GetQueueUrl")).isZero();
        assertThat(delivered.get("sqs:ReceiveMessage")).isZero();
    }

    @Test
    void theTargetNeedsExactlyItsDeclaredActions() throws Exception {
        List<Variant> variants = variants(AwsSqsTargetKind.SEND_MESSAGES, "iam-target", false);
        emulator.enableIamEnforcement();
        for (Variant variant : variants) {
            int port = EmulatorClients.freePort();
            Map<String, String> env = new java.util.HashMap<>(aws.adapterEnv("ARN", variant.queue().arn(),
                    "PORT", Integer.toString(port), "SEND_CONCURRENCY", "1"));
            env.putAll(variant.credentials());
            running.add(AdapterRuntime.start(env, new SqsTargetAdapter()));
            URI target = URI.create("http://127.0.0.1:" + port + "/");
            // /health says only UP or DOWN: without GetQueueUrl the URL never resolves, and an event (which is
            // answered without reaching SQS until then) tells when the failure is known.
            await().atMost(Duration.ofSeconds(10)).until(() -> variant.removed().equals("sqs:GetQueueUrl")
                    ? http.send(SqsTargetAdapterIT.event(target, "probe", "{}").build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 403
                    : health(target).statusCode() == 200);
            if (variant.removed().equals("none")) {
                List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    responses.add(http.sendAsync(SqsTargetAdapterIT.event(target, "e" + i, "{}").build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                assertThat(responses).allSatisfy(r -> assertThat(r.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
            } else {
                HttpResponse<String> response = http.send(SqsTargetAdapterIT.event(target, "e", "{}").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("without " + variant.removed()).isEqualTo(403);
                assertThat(response.body()).contains("access denied for " + variant.removed());
            }
        }
        emulator.disableIamEnforcement();
        assertThat(aws.depth(variants.get(0).queue())).isEqualTo(12);
    }

    private HttpResponse<String> health(URI target) throws Exception {
        return http.send(HttpRequest.newBuilder(target.resolve("/health")).timeout(SqsTargetAdapterIT.TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
