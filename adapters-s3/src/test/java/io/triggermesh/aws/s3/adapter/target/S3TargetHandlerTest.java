package io.triggermesh.aws.s3.adapter.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.s3.api.BucketArn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3TargetHandlerTest {

    private static final String SPEC_ARN = "arn:aws:s3:us-east-1:123456789012:archive";
    private static final BucketArn BUCKET = BucketArn.parse(SPEC_ARN).orElseThrow();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A store that records writes, or fails with a given exception. */
    private static final class FakeStore implements ObjectStore {
        final List<String> keys = new ArrayList<>();
        final List<ObjectBody> bodies = new ArrayList<>();
        SdkException failure;

        @Override
        public Stored put(String key, ObjectBody body) {
            if (failure != null) {
                throw failure;
            }
            keys.add(key);
            bodies.add(body);
            return new Stored("\"etag-" + keys.size() + "\"", Optional.empty());
        }
    }

    private final FakeStore store = new FakeStore();

    private static CloudEvent event(String subject) {
        return CloudEventBuilder.v1().withId("e-1").withType("com.example.order").withSource(URI.create("/shop"))
                .withSubject(subject).withTime(java.time.OffsetDateTime.parse("2026-11-28T10:00:00Z"))
                .withData("application/json", "{\"total\":42}".getBytes(StandardCharsets.UTF_8)).build();
    }

    private TargetReply handle(boolean discard, CloudEvent event) {
        return new S3TargetHandler(BUCKET, SPEC_ARN, discard, store).handle(event);
    }

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build())
                .build();
    }

    @Test
    void theWholeEventIsStoredAsCloudEventsJsonUnderItsSubject() throws Exception {
        TargetReply reply = handle(false, event("orders/1.json"));

        assertThat(store.keys).containsExactly("orders/1.json");
        ObjectBody body = store.bodies.get(0);
        assertThat(body.contentType()).isEqualTo("application/cloudevents+json");
        CloudEvent stored = new JsonFormat().deserialize(body.bytes());
        CloudEvent sent = event("orders/1.json");
        assertThat(List.of(stored.getId(), stored.getType(), stored.getSource(), stored.getSubject(), stored.getTime()))
                .isEqualTo(List.of(sent.getId(), sent.getType(), sent.getSource(), sent.getSubject(), sent.getTime()));
        assertThat(JSON.readTree(stored.getData().toBytes())).isEqualTo(JSON.readTree("{\"total\":42}"));
        assertThat(reply).isInstanceOf(TargetReply.Success.class);
    }

    @Test
    void withDiscardedContextOnlyTheDataIsStoredWithItsContentType() {
        handle(true, event("orders/1.json"));

        assertThat(new String(store.bodies.get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"total\":42}");
        assertThat(store.bodies.get(0).contentType()).isEqualTo("application/json");
    }

    @Test
    void anEventWithoutDataStoresAnEmptyObjectWhenTheContextIsDiscarded() {
        handle(true, CloudEventBuilder.v1().withId("1").withType("t").withSource(URI.create("/s")).build());

        assertThat(store.bodies.get(0).bytes()).isEmpty();
        assertThat(store.bodies.get(0).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void theReplyIsAResultEventWithBucketKeyAndETag() throws Exception {
        TargetReply.Success reply = (TargetReply.Success) handle(false, event("orders/1.json"));

        CloudEvent result = reply.result().orElseThrow();
        assertThat(result.getType()).isEqualTo("io.triggermesh.targets.aws.s3.result");
        assertThat(result.getSource()).isEqualTo(URI.create(SPEC_ARN));
        assertThat(result.getSubject()).isEqualTo("orders/1.json");
        JsonNode data = JSON.readTree(result.getData().toBytes());
        assertThat(data.path("bucket").asText()).isEqualTo("archive");
        assertThat(data.path("key").asText()).isEqualTo("orders/1.json");
        assertThat(data.path("eTag").asText()).isEqualTo("\"etag-1\"");
        assertThat(((TargetReply.Success) handle(false, event("orders/1.json"))).result().orElseThrow().getId())
                .as("a redelivered event gets the same result id").isEqualTo(result.getId());
    }

    @Test
    void anUnsafeSubjectIsABadRequestAndNothingIsWritten() {
        TargetReply reply = handle(false, event("../../etc/passwd"));

        assertThat(reply).isInstanceOfSatisfying(TargetReply.Failure.class, f -> {
            assertThat(f.status()).isEqualTo(400);
            assertThat(f.code()).isEqualTo("UnsafeObjectKey");
            assertThat(f.message()).contains("'..' path segment");
        });
        assertThat(store.keys).isEmpty();
    }

    @Test
    void deniedAndMissingBucketAreClearNonRetriedAnswers() {
        store.failure = s3Error(403, "AccessDenied");
        TargetReply.Failure denied = (TargetReply.Failure) handle(false, event("k"));
        store.failure = s3Error(404, "NoSuchBucket");
        TargetReply.Failure missing = (TargetReply.Failure) handle(false, event("k"));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.message()).contains("s3:PutObject", "arn:aws:s3:::archive/*");
        assertThat(denied.retryable()).isFalse();
        assertThat(missing.status()).isEqualTo(410);
        assertThat(missing.code()).isEqualTo("NoSuchBucket");
        assertThat(missing.retryable()).isFalse();
    }

    @Test
    void onlyThrottlingAndAwsOrNetworkFailuresAreRetryable() {
        store.failure = s3Error(503, "SlowDown");
        TargetReply.Failure throttled = (TargetReply.Failure) handle(false, event("k"));
        store.failure = s3Error(500, "InternalError");
        TargetReply.Failure server = (TargetReply.Failure) handle(false, event("k"));
        store.failure = SdkClientException.create("connection refused");
        TargetReply.Failure network = (TargetReply.Failure) handle(false, event("k"));
        store.failure = s3Error(400, "ExpiredToken");
        TargetReply.Failure expired = (TargetReply.Failure) handle(false, event("k"));
        store.failure = s3Error(400, "InvalidArgument");
        TargetReply.Failure refused = (TargetReply.Failure) handle(false, event("k"));
        store.failure = s3Error(400, "EntityTooLarge");
        TargetReply.Failure tooLarge = (TargetReply.Failure) handle(false, event("k"));
        store.failure = s3Error(403, "InvalidAccessKeyId");
        TargetReply.Failure badKeys = (TargetReply.Failure) handle(false, event("k"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.retryAfter()).hasValue(Duration.ofSeconds(1));
        assertThat(server.status()).isEqualTo(502);
        assertThat(network.status()).isEqualTo(502);
        assertThat(expired.status()).isEqualTo(503);
        assertThat(List.of(throttled, server, network, expired)).allMatch(TargetReply.Failure::retryable);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(badKeys.status()).isEqualTo(403);
        assertThat(List.of(refused, tooLarge, badKeys)).noneMatch(TargetReply.Failure::retryable);
    }
}
