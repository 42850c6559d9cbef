package io.triggermesh.aws.adapter.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** The envelope SNS puts around a message it forwards to SQS without raw message delivery. */
final class SnsEnvelope {

    private SnsEnvelope() {
    }

    /** The JSON inside {@code Message}, when {@code root} is an SNS notification carrying JSON. */
    static Optional<JsonNode> unwrap(JsonNode root, ObjectMapper json) {
        if (root == null || !root.isObject() || !"Notification".equals(root.path("Type").asText())
                || !root.path("Message").isTextual() || !root.has("TopicArn")) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(root.path("Message").asText()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
