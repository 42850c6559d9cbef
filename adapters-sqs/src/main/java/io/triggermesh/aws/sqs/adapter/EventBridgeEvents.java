package io.triggermesh.aws.sqs.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.polling.MessageEvents;
import io.triggermesh.aws.sqs.AwsSqsSourceKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The {@code eventbridge} message processor, for queues that are the target of an EventBridge rule: the EventBridge
 * envelope becomes the CloudEvent's context and its {@code detail} the data. Type {@value #TYPE}, id the EventBridge
 * event id (stable across redeliveries and duplicate deliveries), source the event's {@code source} (such as
 * {@code aws.ec2}), subject its {@code detail-type}, time its {@code time}, extensions {@code account},
 * {@code region} and {@code resources} (comma-separated ARNs).
 */
final class EventBridgeEvents {

    /** The CloudEvent type of every unwrapped EventBridge event. */
    static final String TYPE = AwsSqsSourceKind.EVENTBRIDGE_EVENT_TYPE;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBridgeEvents() {
    }

    static MessageEvents handle(Message message) {
        JsonNode root;
        try {
            root = JSON.readTree(message.body());
        } catch (JsonProcessingException e) {
            return MessageEvents.failed("the body is not JSON, so not an EventBridge event");
        }
        if (root == null || !root.isObject()) {
            return MessageEvents.failed("the body is not a JSON object, so not an EventBridge event");
        }
        List<String> missing = new ArrayList<>();
        for (String field : new String[] {"id", "source", "detail-type"}) {
            if (!root.path(field).isTextual() || root.path(field).asText().isEmpty()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return MessageEvents.failed("not an EventBridge event: it lacks " + String.join(", ", missing));
        }
        URI source;
        try {
            source = new URI(root.path("source").asText());
        } catch (URISyntaxException e) {
            return MessageEvents.failed("the EventBridge source '" + root.path("source").asText()
                    + "' is not a URI reference");
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(root.path("id").asText())
                .withType(TYPE)
                .withSource(source)
                .withSubject(root.path("detail-type").asText());
        JsonNode detail = root.path("detail");
        if (!detail.isMissingNode()) {
            try {
                builder.withData("application/json", JSON.writeValueAsBytes(detail));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serialises", e);
            }
        }
        if (root.path("time").isTextual()) {
            try {
                builder.withTime(OffsetDateTime.parse(root.path("time").asText()));
            } catch (DateTimeParseException e) {
                // an unreadable time is left out rather than failing the event
            }
        }
        if (root.path("account").isTextual()) {
            builder.withExtension("account", root.path("account").asText());
        }
        if (root.path("region").isTextual()) {
            builder.withExtension("region", root.path("region").asText());
        }
        if (root.path("resources").isArray() && !root.path("resources").isEmpty()) {
            List<String> resources = new ArrayList<>();
            root.path("resources").forEach(r -> resources.add(r.asText()));
            builder.withExtension("resources", String.join(",", resources));
        }
        return MessageEvents.of(builder.build());
    }
}
