package io.triggermesh.aws.e2e.suite;

import static io.triggermesh.aws.e2e.suite.Objects.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.testing.EmulatorIam;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Least privilege, end to end: with moto's IAM enforcement on, an object whose keys hold exactly the policy that
 * {@code controller.jar policy} prints for it works, and without one of those actions it fails with a message that
 * names the action (a condition for what the controller does, an HTTP answer for what a target does).
 */
class LeastPrivilegeIT extends SuiteBase {

    @Override
    protected World startWorld() {
        return World.start("least-privilege");
    }

    @AfterEach
    void enforcementOff() {
        world.emulator.disableIamEnforcement();
    }

    private static String s3Source(String name, String bucket, String sinkUrl) {
        return """
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: %s}
                spec:
                  arn: arn:aws:s3:::%s
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "%s"}
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: %s, key: id}}
                      secretAccessKey: {valueFromSecret: {name: %s, key: secret}}
                """.formatted(name, bucket, sinkUrl, name, name);
    }

    private static String sqsTarget(String name, String queueArn) {
        return """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: %s}
                spec:
                  arn: %s
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: %s, key: id}}
                      secretAccessKey: {valueFromSecret: {name: %s, key: secret}}
                """.formatted(name, queueArn, name, name);
    }

    /** A user of {@code account} holding exactly {@code policy}, as the Secret {@code name}. */
    private String secretOfUserWith(String account, String name, String policy) {
        EmulatorIam.User user = aws.iam.createUser(account, name, policy);
        Canaries.add(user.keys().secretAccessKey());
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: %s}
                stringData: {id: "%s", secret: "%s"}
                ---
                """.formatted(name, user.keys().accessKeyId(), user.keys().secretAccessKey());
    }

    @Test
    @Order(1)
    void anS3SourceRunsWithExactlyThePrintedPolicy() {
        String ns = "lp-s3-source";
        String account = Aws.newAccount();
        String bucket = "e2e-lp-" + account;
        aws.bucket(account, bucket);
        EmulatorIam.User uploader = aws.iam.createUser(account, "uploader",
                EmulatorIam.allow("s3:PutObject", "arn:aws:s3:::" + bucket + "/*"));
        List<JsonNode> printed = PolicyCommand.statements("AWSS3Source", ns,
                s3Source("exact", bucket, sink.url()), system.workDir());
        assertThat(PolicyCommand.actions(printed)).contains("sqs:CreateQueue", "s3:PutBucketNotification",
                "sqs:ReceiveMessage", "sqs:DeleteMessage");

        String secret = secretOfUserWith(account, "exact", PolicyCommand.forMoto(printed, null));
        world.emulator.enableIamEnforcement();
        system.apply(ns, secret + s3Source("exact", bucket, sink.url()));

        awaitReady(system, ns, "AWSS3Source", "exact");
        try (S3Client s3 = S3Client.builder().endpointOverride(world.emulator.endpoint())
                .region(Region.of(world.emulator.region())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(uploader.keys())).build()) {
            s3.putObject(b -> b.bucket(bucket).key("least/privilege.txt"), RequestBody.fromString("lp"));
        }
        Waits.until("the event at the sink", LocalSystem.READY,
                () -> sink.subjects().contains("least/privilege.txt"));
        assertThat(system.adapterLog(Kinds.deployment(ns, "AWSS3Source", "exact"))).doesNotContain("access denied");
    }

    @Test
    @Order(2)
    void withoutCreateQueueTheS3SourceSaysWhichActionIsMissing() {
        String ns = "lp-s3-no-create";
        String account = Aws.newAccount();
        String bucket = "e2e-lp-nocreate-" + account;
        aws.bucket(account, bucket);
        List<JsonNode> printed = PolicyCommand.statements("AWSS3Source", ns,
                s3Source("short", bucket, sink.url()), system.workDir());

        String secret = secretOfUserWith(account, "short", PolicyCommand.forMoto(printed, "sqs:CreateQueue"));
        world.emulator.enableIamEnforcement();
        system.apply(ns, secret + s3Source("short", bucket, sink.url()));

        String message = Waits.value("a condition naming sqs:CreateQueue", LocalSystem.READY, () -> java.util.Optional
                .ofNullable(Objects.condition(system.get(ns, "AWSS3Source", "short"), "ResourcesReady")
                        .filter(c -> "False".equals(c.get("status"))).map(c -> String.valueOf(c.get("message")))
                        .filter(m -> m.contains("sqs:CreateQueue")).orElse(null)));
        assertThat(message).contains("sqs:CreateQueue");
        assertThat(Objects.isTrue(system.get(ns, "AWSS3Source", "short"), "Ready")).isFalse();
    }

    @Test
    @Order(3)
    void anSqsTargetRunsWithExactlyThePrintedPolicyAndWithoutSendMessageAnswersNamingIt() {
        String ns = "lp-sqs-target";
        String account = Aws.newAccount();
        String queue = aws.queue(account, "lp-orders");
        List<JsonNode> printed = PolicyCommand.statements("AWSSQSTarget", ns, sqsTarget("exact", queue),
                system.workDir());
        assertThat(PolicyCommand.actions(printed)).contains("sqs:SendMessage", "sqs:GetQueueUrl");

        String secrets = secretOfUserWith(account, "exact", PolicyCommand.forMoto(printed, null))
                + secretOfUserWith(account, "short", PolicyCommand.forMoto(printed, "sqs:SendMessage"));
        world.emulator.enableIamEnforcement();
        system.apply(ns, secrets + sqsTarget("exact", queue) + "---\n" + sqsTarget("short", queue));
        awaitReady(system, ns, "AWSSQSTarget", "exact");
        awaitReady(system, ns, "AWSSQSTarget", "short");

        Objects.postAccepted(system.targetUrl(Kinds.deployment(ns, "AWSSQSTarget", "exact")), "lp-1", null, "{}");
        String shortUrl = system.targetUrl(Kinds.deployment(ns, "AWSSQSTarget", "short"));
        int status = Waits.value("an answer from the target without sqs:SendMessage", LocalSystem.READY, () -> {
            int code = Objects.post(shortUrl, "lp-2", null, "{}");
            return code > 0 ? java.util.Optional.of(code) : java.util.Optional.empty();
        });
        assertThat(status).as("a clear, non-retryable answer").isEqualTo(403);
        Waits.until("the target's log to name the action", LocalSystem.READY, () -> system.adapterLog(
                Kinds.deployment(ns, "AWSSQSTarget", "short")).contains("sqs:SendMessage"));

        world.emulator.disableIamEnforcement();
        assertThat(aws.drain(account, "lp-orders")).extracting(m -> m.body())
                .anyMatch(b -> b.contains("lp-1")).noneMatch(b -> b.contains("lp-2"));
    }

}
