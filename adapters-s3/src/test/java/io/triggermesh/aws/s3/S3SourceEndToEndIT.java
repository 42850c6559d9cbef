package io.triggermesh.aws.s3;

import static io.triggermesh.aws.s3.EmulatorClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.triggermesh.aws.testkit.adapter.LoopbackSink.Answer;
import io.triggermesh.aws.testkit.adapter.LoopbackSink.Attempt;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testkit.adapter.LoopbackSink;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * AWSS3Source end to end against moto: resources from the kind's hooks, S3 writing real notifications into the
 * queue, the adapter delivering them to a loopback sink.
 */
@ExtendWith(AwsEmulatorExtension.class)
class S3SourceEndToEndIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsEmulator emulator;
    private EmulatorClients aws;
    private LoopbackSink sink;
    private String bucket;
    private final List<SourceScenario> scenarios = new java.util.ArrayList<>();

    @BeforeEach
    void setUp(AwsEmulator emulator) throws Exception {
        this.emulator = emulator;
        aws = new EmulatorClients(emulator);
        sink = new LoopbackSink();
        bucket = unique("e2e-bucket");
        aws.createBucket(bucket, "us-east-1");
    }

    @AfterEach
    void tearDown() {
        scenarios.forEach(SourceScenario::close);
        sink.close();
        aws.close();
    }

    private SourceScenario scenario() {
        SourceScenario scenario = new SourceScenario(emulator, aws);
        scenarios.add(scenario);
        return scenario;
    }

    @Test
    void objectsPutInTheBucketArriveAtTheSinkAsExactlyTheExpectedEvents() throws Exception {
        SourceScenario source = scenario().create(bucket, "s3:ObjectCreated:*", "s3:ObjectRemoved:*");
        assertThat(aws.s3().getBucketNotificationConfiguration(r -> r.bucket(bucket)).queueConfigurations())
                .extracting(QueueConfiguration::queueArn).containsExactly(source.queueArn());
        source.start(source.adapterEnv(sink));

        source.put(bucket, "plain.txt");
        source.put(bucket, "dir/sub/file.json");
        source.put(bucket, "with space/and+plus.txt");
        source.put(bucket, "unicode/ü€😀.txt");
        source.putMultipart(bucket, "big/multi part.bin");
        source.delete(bucket, "plain.txt");

        List<String> expected = List.of(
                "com.amazon.s3.testevent null",
                "com.amazon.s3.objectcreated plain.txt",
                "com.amazon.s3.objectcreated dir/sub/file.json",
                "com.amazon.s3.objectcreated with space/and+plus.txt",
                "com.amazon.s3.objectcreated unicode/ü€😀.txt",
                // moto sends two ObjectCreated events for one multipart upload (docs/testing.md)
                "com.amazon.s3.objectcreated big/multi part.bin",
                "com.amazon.s3.objectcreated big/multi part.bin",
                "com.amazon.s3.objectremoved plain.txt");
        await().atMost(DELIVERY).until(() -> sink.acceptedOnce().size() >= expected.size());
        source.awaitQueueEmpty(DELIVERY);

        // Counted by id: so the two multipart events, distinct events, must also have distinct ids.
        List<CloudEvent> events = sink.acceptedOnce();
        assertThat(LoopbackSink.typesAndSubjects(events)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(events).extracting(CloudEvent::getSource).containsOnly(URI.create("arn:aws:s3:::" + bucket));
        CloudEvent unicode = events.stream().filter(e -> "unicode/ü€😀.txt".equals(e.getSubject())).findFirst()
                .orElseThrow();
        JsonNode record = JSON.readTree(unicode.getData().toBytes());
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.path("s3").path("object").path("key").asText()).as("data is the record as S3 sent it")
                .isEqualTo("unicode%2F%C3%BC%E2%82%AC%F0%9F%98%80.txt");
        assertThat(unicode.getTime()).isNotNull();
    }

    @Test
    void aRedeliveredMessageKeepsItsEventIdsAndHonoursRetryAfter() throws Exception {
        SourceScenario source = scenario().create(bucket, "s3:ObjectCreated:*");
        sink.answer((event, attempt) -> attempt == 1 ? Answer.retryAfter(503, 1) : Answer.status(202));
        source.start(source.adapterEnv(sink));

        source.put(bucket, "first.txt");
        source.put(bucket, "second.txt");

        await().atMost(DELIVERY).until(() -> sink.acceptedOnce().size() == 3);
        for (String subject : List.of("first.txt", "second.txt")) {
            // At least once: a redelivery may be received twice, but never with another id.
            List<Attempt> attempts = sink.attemptsFor(subject);
            assertThat(attempts).extracting(Attempt::status).startsWith(503, 202).containsOnlyOnce(503);
            assertThat(attempts).extracting(a -> a.event().getId()).containsOnly(attempts.get(0).event().getId());
            // Made visible again after Retry-After, not after the 30 s visibility timeout.
            assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                    .isBetween(Duration.ofMillis(900), Duration.ofSeconds(15));
        }
        source.awaitQueueEmpty(DELIVERY);
    }

    @Test
    void deletingOneSourceLeavesASecondSourceOnTheSameBucketWorking() throws Exception {
        SourceScenario created = scenario().create(bucket, "s3:ObjectCreated:*");
        SourceScenario removed = scenario().create(bucket, "s3:ObjectRemoved:*");
        try (LoopbackSink removedSink = new LoopbackSink()) {
            removed.start(removed.adapterEnv(removedSink));
            created.start(created.adapterEnv(sink));
            created.put(bucket, "before.txt");
            await().atMost(DELIVERY).until(() -> LoopbackSink.typesAndSubjects(sink.accepted())
                    .contains("com.amazon.s3.objectcreated before.txt"));

            created.stopAdapter();
            created.cleanup();

            assertThat(catchThrowableOfType(QueueDoesNotExistException.class, created::queueUrl)).isNotNull();
            assertThat(aws.s3().getBucketNotificationConfiguration(r -> r.bucket(bucket)).queueConfigurations())
                    .extracting(QueueConfiguration::queueArn).containsExactly(removed.queueArn());
            created.put(bucket, "after.txt");
            created.delete(bucket, "after.txt");
            await().atMost(DELIVERY).until(() -> LoopbackSink.typesAndSubjects(removedSink.accepted())
                    .contains("com.amazon.s3.objectremoved after.txt"));
            assertThat(LoopbackSink.typesAndSubjects(removedSink.accepted()))
                    .doesNotContain("com.amazon.s3.objectcreated after.txt");
        }
    }
}
