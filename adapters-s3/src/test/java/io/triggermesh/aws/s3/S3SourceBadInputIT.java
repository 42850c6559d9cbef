package io.triggermesh.aws.s3;

import static io.triggermesh.aws.s3.EmulatorClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.adapter.AdapterConfigException;
import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.testkit.adapter.LoopbackSink.Answer;
import io.triggermesh.aws.testkit.adapter.LoopbackSink.Attempt;
import io.triggermesh.aws.s3.adapter.source.S3SourceAdapter;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testkit.adapter.LoopbackSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The S3 source adapter facing what goes wrong: junk in the queue, sinks that refuse, fail or hang, no queue. */
@ExtendWith(AwsEmulatorExtension.class)
class S3SourceBadInputIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private AwsEmulator emulator;
    private EmulatorClients aws;
    private LoopbackSink sink;
    private String bucket;
    private final List<SourceScenario> scenarios = new ArrayList<>();

    @BeforeEach
    void setUp(AwsEmulator emulator) throws Exception {
        this.emulator = emulator;
        aws = new EmulatorClients(emulator);
        sink = new LoopbackSink();
        bucket = unique("bad-bucket");
        aws.createBucket(bucket, "us-east-1");
    }

    @AfterEach
    void tearDown() {
        scenarios.forEach(SourceScenario::close);
        sink.close();
        aws.close();
    }

    private SourceScenario source() {
        SourceScenario scenario = new SourceScenario(emulator, aws).create(bucket, "s3:ObjectCreated:*");
        scenarios.add(scenario);
        return scenario;
    }

    @Test
    void malformedMessagesAreIsolatedAndTheGoodOnesStillArrive() throws Exception {
        SourceScenario source = source();
        // One receive is enough to give up on a message that can never become an event.
        source.start(source.adapterEnv(sink, "MAX_RECEIVES", "1"));

        source.sendRaw("not json at all");
        source.sendRaw("{\"Records\": \"not a list\"}");
        source.sendRaw("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\"}]}");
        source.sendRaw("{\"Type\": \"Notification\", \"TopicArn\": \"t\", \"Message\": \"{broken\"}");
        source.put(bucket, "good.txt");

        await().atMost(DELIVERY).until(() -> LoopbackSink.typesAndSubjects(sink.accepted())
                .contains("com.amazon.s3.objectcreated good.txt"));
        source.awaitQueueEmpty(DELIVERY);
        assertThat(LoopbackSink.typesAndSubjects(sink.acceptedOnce())).containsExactlyInAnyOrder(
                "com.amazon.s3.testevent null", "com.amazon.s3.objectcreated good.txt");
    }

    @Test
    void anEventTheSinkRejectsWith400IsNotRetriedForever() throws Exception {
        SourceScenario source = source();
        sink.answer((event, attempt) -> "poison.txt".equals(event.getSubject()) ? Answer.status(400)
                : Answer.status(202));
        // One poller: moto can hand one message to two long polls woken together, and this test counts attempts.
        source.start(source.adapterEnv(sink, "MAX_RECEIVES", "2", "VISIBILITY_TIMEOUT_SECONDS", "2",
                "SQS_POLLERS", "1"));

        source.put(bucket, "poison.txt");
        source.put(bucket, "fine.txt");

        source.awaitQueueEmpty(DELIVERY);
        assertThat(sink.attemptsFor("poison.txt")).as("tried once per receive, up to MAX_RECEIVES")
                .extracting(Attempt::status).containsExactly(400, 400);
        assertThat(sink.attemptsFor("fine.txt")).extracting(Attempt::status).containsExactly(202);
    }

    @Test
    void sinkErrorsAndTimeoutsAreDeliveredAgainWithTheSameIdUntilAccepted() throws Exception {
        SourceScenario source = source();
        sink.answer((event, attempt) -> {
            if (attempt > 1) {
                return Answer.status(202);
            }
            return switch (String.valueOf(event.getSubject())) {
                case "error.txt" -> Answer.status(500);
                case "missing.txt" -> Answer.status(404);
                case "conflict.txt" -> Answer.status(409);
                case "throttled.txt" -> Answer.status(429);
                case "slow.txt" -> Answer.slow(Duration.ofMillis(2500));
                default -> Answer.status(202);
            };
        });
        source.start(source.adapterEnv(sink, "K_SINK_TIMEOUT", "1"));

        List<String> keys = List.of("error.txt", "missing.txt", "conflict.txt", "throttled.txt", "slow.txt");
        keys.forEach(key -> source.put(bucket, key));

        await().atMost(DELIVERY).until(() -> keys.stream().allMatch(key -> sink.attemptsFor(key).stream()
                .anyMatch(a -> a.attempt() == 2 && a.accepted())));
        for (String key : keys) {
            List<Attempt> attempts = sink.attemptsFor(key);
            // At least once: the redelivery may arrive twice, but the failed first attempt is never repeated.
            assertThat(attempts).as(key).hasSizeGreaterThanOrEqualTo(2);
            assertThat(attempts).as(key).filteredOn(a -> a.attempt() == 1).hasSize(1);
            assertThat(attempts).as(key).extracting(a -> a.event().getId())
                    .containsOnly(attempts.get(0).event().getId());
        }
        source.awaitQueueEmpty(DELIVERY);
    }

    @Test
    void stoppingTheAdapterFlushesThePendingDeletes() throws Exception {
        SourceScenario source = source();
        source.start(source.adapterEnv(sink));
        source.put(bucket, "last.txt");
        await().atMost(DELIVERY).until(() -> LoopbackSink.typesAndSubjects(sink.accepted())
                .contains("com.amazon.s3.objectcreated last.txt"));

        source.stopAdapter();

        assertThat(source.messagesInQueue()).isZero();
    }

    @Test
    void aQueueThatDoesNotExistStopsTheAdapterAtStartWithTheReason() {
        SourceScenario source = source();
        Map<String, String> env = new HashMap<>(source.adapterEnv(sink));
        env.put("QUEUE_ARN", "arn:aws:sqs:us-east-1:" + AwsEmulator.DEFAULT_ACCOUNT + ":" + unique("no-such-queue"));

        Throwable failure = catchThrowable(() -> AdapterRuntime.start(env, new S3SourceAdapter()).close());

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("sqs:GetQueueUrl")
                .hasMessageContaining("NonExistentQueue");
    }

    @Test
    void aMissingOrWrongEnvironmentIsAConfigurationErrorNamingTheVariable() {
        SourceScenario source = source();
        for (String[] change : new String[][] {{"QUEUE_ARN", ""}, {"QUEUE_ARN", "arn:aws:sns:us-east-1:1:t"},
                {"ARN", "arn:aws:s3:::Not_A_Bucket"}, {"K_SINK", ""}}) {
            Map<String, String> env = new HashMap<>(source.adapterEnv(sink));
            env.put(change[0], change[1]);

            Throwable failure = catchThrowable(() -> AdapterRuntime.start(env, new S3SourceAdapter()).close());

            assertThat(failure).as(change[0] + "=" + change[1]).isInstanceOf(AdapterConfigException.class)
                    .hasMessageStartingWith(change[0]);
        }
    }
}
