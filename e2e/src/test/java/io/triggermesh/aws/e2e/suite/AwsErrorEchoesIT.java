package io.triggermesh.aws.e2e.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * AWS quotes the signed request (access key id, {@code x-amz-security-token}) when it refuses a signature. Here every
 * AWS call of the controller and the adapters goes to {@link EchoingAws}, which refuses them all that way, with keys
 * and a session token shaped like real ones. The conditions, Events, target replies, {@code /health} and logs at
 * TRACE must say what went wrong without any of them; the suite's final check searches everything for them.
 */
class AwsErrorEchoesIT extends SuiteBase {

    private static final String NS = "echo";
    private static final SecureRandom RANDOM = new SecureRandom();

    private EchoingAws echo;
    private final String keyId = "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    private final String secret = random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
    private final String token = "FQoGZXIvYXdzEBYaD" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuv"
            + "wxyz0123456789+/", 300);

    @Override
    protected World startWorld() {
        Canaries.add(keyId, secret, token);
        World started = World.start("aws-error-echoes", false, endpoint -> echo = new EchoingAws());
        started.system.apply(NS, """
                apiVersion: v1
                kind: Secret
                metadata: {name: aws}
                stringData: {AWS_ACCESS_KEY_ID: "%s", AWS_SECRET_ACCESS_KEY: "%s", AWS_SESSION_TOKEN: "%s"}
                """.formatted(keyId, secret, token));
        return started;
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String auth(String extra) {
        return """
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                      sessionToken: {valueFromSecret: {name: aws, key: AWS_SESSION_TOKEN}}
                """ + extra;
    }

    /** Waits for condition {@code type} to be False, whatever the reason; returns the whole condition as JSON. */
    private String awaitFalse(String kind, String name, String type) {
        return Waits.value(kind + " " + name + " to have " + type + "=False", LocalSystem.READY,
                () -> Objects.condition(system.get(NS, kind, name), type)
                        .filter(c -> "False".equals(c.get("status")))
                        .map(Serialization::asJson));
    }

    private List<String> eventsAbout(String name) {
        return system.client().v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .map(Serialization::asJson).toList();
    }

    private void assertNoCredential(String what, String text) {
        assertThat(text).as(what).doesNotContain(keyId, secret, token, token.substring(0, 40));
    }

    /** Posts an event until the target answers; the answer is a refusal that names no credential. */
    private void assertRefusedWithoutCredentials(String url, String id, String subject, String json) {
        Objects.Reply reply = Waits.value("the target to answer an event", LocalSystem.READY,
                () -> Optional.of(Objects.exchange(url, id, subject, json)).filter(r -> r.statusCode() > 0));
        assertThat(reply.statusCode()).as(reply.body()).isGreaterThanOrEqualTo(400);
        assertNoCredential("reply", reply.body());
    }

    @Test
    @Order(1)
    void theControllersAwsErrorsReachConditionsAndEventsWithoutTheSignedRequest() {
        system.apply(NS, """
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: echo-source}
                spec:
                  arn: arn:aws:s3:::echo-bucket
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "%s"}
                """.formatted(sink.url()) + auth(""));

        String condition = awaitFalse("AWSS3Source", "echo-source", "ResourcesReady");
        assertNoCredential("ResourcesReady", condition);
        assertThat(condition).as("the refusal is still explained").containsIgnoringCase("signature");
        List<String> events = Waits.value("a Warning Event about echo-source", LocalSystem.READY,
                () -> Optional.of(eventsAbout("echo-source")).filter(e -> !e.isEmpty()));
        events.forEach(event -> assertNoCredential("Event", event));
        assertThat(echo.refused()).as("AWS calls the echo refused").isPositive();
    }

    @Test
    @Order(2)
    void aTargetsRepliesAndHealthCarryNoSignedRequest() {
        system.apply(NS, """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: echo-target}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:echo-queue
                """ + auth(""));
        String url = system.targetUrl(Kinds.deployment(NS, "AWSSQSTarget", "echo-target"));

        assertRefusedWithoutCredentials(url, "echo-1", null, "{\"n\": 1}");
        String health = Waits.value("the target's /health", LocalSystem.READY, () -> Objects.health(url));
        assertThat(health).contains("DOWN");
        assertNoCredential("/health", health);
    }

    @Test
    @Order(3)
    void anAssumeRoleRefusalCarriesNoSourceKeys() {
        system.apply(NS, """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata: {name: echo-assume}
                spec:
                  arn: arn:aws:s3:::echo-bucket
                """ + auth("      assumeIamRole: arn:aws:iam::210987654321:role/echo-role\n"));
        String url = system.targetUrl(Kinds.deployment(NS, "AWSS3Target", "echo-assume"));

        assertRefusedWithoutCredentials(url, "echo-2", "echo/key.json", "{\"n\": 2}");
        Map<String, Object> status = Objects.status(system.get(NS, "AWSS3Target", "echo-assume"));
        assertNoCredential("status", String.valueOf(status));
    }
}
