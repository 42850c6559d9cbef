package io.triggermesh.aws.s3;

import static io.triggermesh.aws.s3.EmulatorClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.testkit.adapter.LoopbackSink.Answer;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import io.triggermesh.aws.testkit.adapter.LoopbackSink;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter statements both S3 kinds declare are enough and each one is needed: with moto's IAM enforcement, an
 * IAM user holding exactly the generated adapter policy (rewritten for moto's quirks by {@link MotoPolicies}) runs
 * the whole flow, and without any one action the flow breaks where that action is used, with an error or log line
 * naming it.
 */
@ExtendWith(AwsEmulatorExtension.class)
class S3AdapterIamIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsEmulator emulator;
    private EmulatorClients aws;
    private EmulatorIam iam;
    private LoopbackSink sink;
    private CapturedLogs logs;

    @BeforeEach
    void setUp(AwsEmulator emulator) throws Exception {
        emulator.assumeMoto();
        this.emulator = emulator;
        aws = new EmulatorClients(emulator);
        iam = new EmulatorIam(emulator);
        sink = new LoopbackSink();
        logs = new CapturedLogs();
    }

    @AfterEach
    void tearDown() {
        emulator.disableIamEnforcement();
        logs.close();
        sink.close();
        iam.close();
        aws.close();
    }

    // ---- AWSS3Source --------------------------------------------------------------------------------------------

    /** A source whose queue already holds the test event and two object events, and its declared adapter policy. */
    private SourceScenario sourceWithEvents() {
        String bucket = unique("iam-src");
        aws.createBucket(bucket, "us-east-1");
        SourceScenario source = new SourceScenario(emulator, aws).create(bucket, "s3:ObjectCreated:*");
        source.put(bucket, "one.txt");
        source.put(bucket, "two.txt");
        return source;
    }

    private static List<IamPermission> declaredAdapterPolicy(ObjectContext<AwsS3SourceSpec> object) {
        AwsS3SourceKind kind = new AwsS3SourceKind(S3Fixtures.IMAGE);
        Map<String, String> values = kind.permissionValues(object);
        return kind.adapterPermissions(object).stream().map(p -> p.resolve(values)).toList();
    }

    /** Starts the adapter as a user holding {@code granted}, with IAM enforcement on. */
    private void startAs(SourceScenario source, List<IamPermission> granted) throws Exception {
        EmulatorIam.User user = iam.createUser(unique("adapter"), MotoPolicies.forMoto(granted));
        // Every first attempt gets 503 + Retry-After, so retries (ChangeMessageVisibility) are part of the flow.
        sink.answer((event, attempt) -> attempt == 1 ? Answer.retryAfter(503, 1) : Answer.status(202));
        emulator.enableIamEnforcement();
        // One poller: moto can hand one message to two long polls woken together (its receive loop takes no lock),
        // and a second copy would count as the accepted second attempt.
        source.start(source.adapterEnv(sink, "AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey(), "SQS_POLLERS", "1"));
    }

    private int queueDepthAfterStopping(SourceScenario source) {
        source.stopAdapter();
        emulator.disableIamEnforcement();
        return source.messagesInQueue();
    }

    @Test
    void sourceAdapterRunsWithExactlyTheDeclaredPolicy() throws Exception {
        SourceScenario source = sourceWithEvents();
        List<IamPermission> declared = declaredAdapterPolicy(source.object());
        assertThat(MotoPolicies.actions(declared)).containsExactlyInAnyOrder("sqs:GetQueueUrl", "sqs:ReceiveMessage",
                "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
        assertThat(declared.get(0).resources()).containsExactly(source.queueArn());

        startAs(source, declared);

        await().atMost(DELIVERY).until(() -> sink.acceptedOnce().size() == 3);
        assertThat(queueDepthAfterStopping(source)).isZero();
        assertThat(logs.all()).doesNotContain("access denied");
    }

    @Test
    void withoutGetQueueUrlTheSourceAdapterDoesNotStartAndSaysWhy() {
        SourceScenario source = sourceWithEvents();

        Throwable failure = catchThrowable(() -> startAs(source,
                MotoPolicies.without(declaredAdapterPolicy(source.object()), "sqs:GetQueueUrl")));

        assertThat(failure).hasMessageContaining("sqs:GetQueueUrl").hasMessageContaining("access denied");
    }

    @Test
    void withoutReceiveMessageNothingIsDeliveredAndTheLogNamesIt() throws Exception {
        SourceScenario source = sourceWithEvents();

        startAs(source, MotoPolicies.without(declaredAdapterPolicy(source.object()), "sqs:ReceiveMessage"));

        await().atMost(DELIVERY).until(() -> logs.all().contains("access denied for sqs:ReceiveMessage"));
        assertThat(sink.attempts()).isEmpty();
        assertThat(queueDepthAfterStopping(source)).isEqualTo(3);
    }

    @Test
    void withoutDeleteMessageEventsAreDeliveredButStayInTheQueueAndTheLogNamesIt() throws Exception {
        SourceScenario source = sourceWithEvents();

        startAs(source, MotoPolicies.without(declaredAdapterPolicy(source.object()), "sqs:DeleteMessage"));

        await().atMost(DELIVERY).until(() -> sink.acceptedOnce().size() == 3
                && logs.all().contains("access denied for sqs:DeleteMessage"));
        assertThat(queueDepthAfterStopping(source)).isEqualTo(3);
    }

    @Test
    void withoutChangeMessageVisibilityRetriesCannotBeScheduledAndTheLogNamesIt() throws Exception {
        SourceScenario source = sourceWithEvents();

        startAs(source, MotoPolicies.without(declaredAdapterPolicy(source.object()), "sqs:ChangeMessageVisibility"));

        await().atMost(DELIVERY).until(() -> logs.all().contains("access denied for sqs:ChangeMessageVisibility"));
        // The 503s are not retried after Retry-After but only after the 30 s visibility timeout.
        assertThat(sink.accepted()).isEmpty();
    }

    // ---- AWSS3Target --------------------------------------------------------------------------------------------

    private HttpResponse<byte[]> writeAs(List<IamPermission> granted, String bucket) throws Exception {
        EmulatorIam.User user = iam.createUser(unique("target"), MotoPolicies.forMoto(granted));
        TargetScenario target = new TargetScenario(emulator);
        try (target) {
            target.start(target.env("arn:aws:s3:::" + bucket, false, "AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey()));
            emulator.enableIamEnforcement();
            try {
                return target.sendBinary(CloudEventBuilder.v1().withId("1").withType("t")
                        .withSource(URI.create("/s")).withSubject("iam/check.json").build());
            } finally {
                emulator.disableIamEnforcement();
            }
        }
    }

    private static List<IamPermission> declaredTargetPolicy(String bucket) {
        AwsS3TargetKind kind = new AwsS3TargetKind(S3Fixtures.IMAGE);
        ObjectContext<AwsS3TargetSpec> object = new ObjectContext<>(AwsS3TargetKind.KIND, "team-a", "archive", "uid",
                1, new AwsS3TargetSpec("arn:aws:s3:::" + bucket, null), Map.of());
        Map<String, String> values = kind.permissionValues(object);
        return kind.adapterPermissions(object).stream().map(p -> p.resolve(values)).toList();
    }

    @Test
    void targetAdapterWritesWithExactlyTheDeclaredPolicyAndWithoutPutObjectAnswers403NamingIt() throws Exception {
        String bucket = unique("iam-tgt");
        aws.createBucket(bucket, "us-east-1");
        List<IamPermission> declared = declaredTargetPolicy(bucket);
        assertThat(MotoPolicies.actions(declared)).containsExactly("s3:PutObject");

        HttpResponse<byte[]> allowed = writeAs(declared, bucket);
        HttpResponse<byte[]> denied = writeAs(MotoPolicies.without(declared, "s3:PutObject"), bucket);

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(aws.s3().headObject(r -> r.bucket(bucket).key("iam/check.json")).eTag()).isNotBlank();
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(denied.body()).path("message").asText()).contains("s3:PutObject");
    }
}
