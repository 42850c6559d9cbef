package io.triggermesh.aws.adapter.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.polling.MessageEvents;
import io.triggermesh.aws.spi.api.Sha256;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * S3 event notifications, as S3 puts them in an SQS queue, turned into CloudEvents: one per record, type
 * {@code com.amazon.s3.<event category>} (for example {@code com.amazon.s3.objectcreated}), source the bucket ARN,
 * subject the URL-decoded object key, time the event time, data the record as JSON. S3's test message becomes one
 * {@code com.amazon.s3.testevent}. Ids are derived from the record, so a redelivered message yields the same ids.
 * A notification that came through SNS (without raw delivery) is unwrapped first. Used by the AWSS3Source and by the
 * AWSSQSSource's {@code s3} message processor.
 */
public final class S3EventNotifications {

    /** Type prefix of every S3 event. */
    public static final String TYPE_PREFIX = "com.amazon.s3.";
    /** Type of S3's test message, sent when a notification configuration is put. */
    public static final String TEST_EVENT_TYPE = TYPE_PREFIX + "testevent";
    /**
     * The categories of S3's event names (the part before the second colon), as AWS documents them; each becomes
     * one CloudEvent type.
     */
    public static final List<String> CATEGORIES = List.of("ObjectCreated", "ObjectRemoved", "ObjectRestore",
            "ReducedRedundancyLostObject", "Replication", "LifecycleExpiration", "LifecycleTransition",
            "IntelligentTiering", "ObjectTagging", "ObjectAcl", "ObjectAnnotation");
    /** Every CloudEvent type made of S3's documented events: one per category, plus the test event's. */
    public static final List<String> EVENT_TYPES = eventTypes();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_CONTENT_TYPE = "application/json";

    private S3EventNotifications() {
    }

    /**
     * The events in one message body, or why it is not an S3 event notification.
     *
     * @param partition the ARN partition for buckets whose record carries no ARN ({@code aws} usually)
     */
    public static MessageEvents toEvents(String body, String partition) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MessageEvents.failed("the body is not JSON, so not an S3 event notification");
        }
        root = SnsEnvelope.unwrap(root, JSON).orElse(root);
        if (root == null || !root.isObject()) {
            return MessageEvents.failed("the body is not a JSON object, so not an S3 event notification");
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            return MessageEvents.of(testEvent(root, body, partition));
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray()) {
            return MessageEvents.failed("the JSON has no Records array, so it is not an S3 event notification");
        }
        List<CloudEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            Optional<String> problem = problem(record, i);
            if (problem.isPresent()) {
                return MessageEvents.failed(problem.get());
            }
            events.add(event(record, i, partition));
        }
        return MessageEvents.of(events);
    }

    private static List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        CATEGORIES.forEach(category -> types.add(eventType(category)));
        types.add(TEST_EVENT_TYPE);
        return List.copyOf(types);
    }

    /** {@code com.amazon.s3.objectcreated} for {@code ObjectCreated:Put} (or {@code s3:ObjectCreated:Put}). */
    public static String eventType(String eventName) {
        String name = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
        int colon = name.indexOf(':');
        String category = colon < 0 ? name : name.substring(0, colon);
        return TYPE_PREFIX + category.toLowerCase(Locale.ROOT);
    }

    private static Optional<String> problem(JsonNode record, int index) {
        if (!record.isObject()) {
            return Optional.of("record " + index + " is not a JSON object");
        }
        if (!record.path("eventName").isTextual() || record.path("eventName").asText().isEmpty()) {
            return Optional.of("record " + index + " has no eventName");
        }
        if (!record.path("s3").path("bucket").path("name").isTextual()) {
            return Optional.of("record " + index + " has no s3.bucket.name");
        }
        if (!record.path("s3").path("object").path("key").isTextual()) {
            return Optional.of("record " + index + " has no s3.object.key");
        }
        return Optional.empty();
    }

    private static CloudEvent event(JsonNode record, int index, String partition) {
        JsonNode s3 = record.path("s3");
        String bucket = s3.path("bucket").path("name").asText();
        String rawKey = s3.path("object").path("key").asText();
        String arn = s3.path("bucket").path("arn").asText("");
        String source = arn.startsWith("arn:") ? arn : "arn:" + partition + ":s3:::" + bucket;
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id(bucket, rawKey, s3.path("object").path("versionId").asText(""),
                        s3.path("object").path("sequencer").asText(""), record.path("eventName").asText(),
                        record.path("eventTime").asText(""),
                        record.path("responseElements").path("x-amz-request-id").asText(""),
                        Integer.toString(index)))
                .withType(eventType(record.path("eventName").asText()))
                .withSource(URI.create(source))
                .withSubject(decodeKey(rawKey))
                .withData(JSON_CONTENT_TYPE, bytes(record));
        time(record.path("eventTime").asText(null)).ifPresent(builder::withTime);
        return builder.build();
    }

    private static CloudEvent testEvent(JsonNode root, String body, String partition) {
        String bucket = root.path("Bucket").asText("");
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id(bucket, root.path("RequestId").asText(""), root.path("Time").asText(""), body))
                .withType(TEST_EVENT_TYPE)
                .withSource(URI.create("arn:" + partition + ":s3:::" + bucket))
                .withData(JSON_CONTENT_TYPE, bytes(root));
        time(root.path("Time").asText(null)).ifPresent(builder::withTime);
        return builder.build();
    }

    /** S3 form-encodes keys in notifications ({@code +} for a space); malformed escapes are kept as they are. */
    static String decodeKey(String rawKey) {
        try {
            return URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawKey;
        }
    }

    /** ISO-8601 with or without an offset (some emulators leave out the {@code Z}), read as UTC then. */
    static Optional<OffsetDateTime> time(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    static String id(String... parts) {
        return Sha256.hexOfParts(parts).substring(0, 32);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }
}
