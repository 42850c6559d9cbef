package io.triggermesh.aws.sqs.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.polling.MessageEvents;
import io.triggermesh.aws.sqs.AwsSqsSourceKind;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The {@code default} message processor: one {@code com.amazon.sqs.message} event per message, id the MessageId
 * (so a redelivery keeps it), source the queue ARN, time the SentTimestamp, message attributes as extensions, and as
 * data the message as JSON: {@code MessageId}, {@code Body} (inlined when it is a JSON object or array, a string
 * otherwise), {@code MD5OfBody}, {@code Attributes}, {@code MessageAttributes}. The receipt handle is left out: it
 * would let any consumer of the event delete the message.
 */
final class SqsMessageEvents {

    private final URI source;

    SqsMessageEvents(String queueArn) {
        this.source = URI.create(queueArn);
    }

    MessageEvents handle(Message message) {
        return MessageEvents.of(event(message));
    }

    CloudEvent event(Message message) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(message.messageId())
                .withType(AwsSqsSourceKind.MESSAGE_EVENT_TYPE)
                .withSource(source)
                .withData("application/json", MessageData.data(message));
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        if (sent != null && sent.chars().allMatch(Character::isDigit) && !sent.isEmpty()) {
            builder.withTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(sent)), ZoneOffset.UTC));
        }
        Set<String> used = new HashSet<>();
        new TreeMap<>(message.messageAttributes()).forEach((name, value) -> ExtensionNames.of(name)
                .filter(used::add)
                .ifPresent(extension -> extension(builder, extension, value)));
        return builder.build();
    }

    private static void extension(CloudEventBuilder builder, String name, MessageAttributeValue value) {
        if (value.stringValue() != null) {
            builder.withExtension(name, value.stringValue());
        } else if (value.binaryValue() != null) {
            builder.withExtension(name, value.binaryValue().asByteArray());
        }
    }

    /**
     * The event's data, made with jackson-databind: a class of its own, so that databind loads with the first message
     * and not when the adapter starts (the verifier would load its tree types with this class). The image's AppCDS
     * archive holds what a start loads (distribution/src/main/docker/prepare-jvm.sh), and every class in it costs
     * every adapter of the image memory, used or not; databind is some 300 classes that an idle target never uses
     * (docs/benchmarks.md, "Memory of an adapter process").
     */
    private static final class MessageData {

        private static final ObjectMapper JSON = new ObjectMapper();

        private MessageData() {
        }

        static byte[] data(Message message) {
            ObjectNode data = JSON.createObjectNode();
            data.put("MessageId", message.messageId());
            data.set("Body", body(message.body()));
            if (message.md5OfBody() != null) {
                data.put("MD5OfBody", message.md5OfBody());
            }
            ObjectNode attributes = data.putObject("Attributes");
            new TreeMap<>(message.attributesAsStrings()).forEach(attributes::put);
            ObjectNode messageAttributes = data.putObject("MessageAttributes");
            Map<String, MessageAttributeValue> sorted = new TreeMap<>(message.messageAttributes());
            sorted.forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("DataType", value.dataType());
                if (value.stringValue() != null) {
                    attribute.put("StringValue", value.stringValue());
                }
                if (value.binaryValue() != null) {
                    attribute.put("BinaryValue", value.binaryValue().asByteArray());
                }
            });
            try {
                return JSON.writeValueAsBytes(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serialises", e);
            }
        }

        /** JSON objects and arrays are inlined; anything else stays the text it was sent as. */
        static JsonNode body(String body) {
            if (body == null) {
                return JSON.getNodeFactory().nullNode();
            }
            String trimmed = body.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    JsonNode parsed = JSON.readTree(body);
                    if (parsed != null && (parsed.isObject() || parsed.isArray())) {
                        return parsed;
                    }
                } catch (JsonProcessingException e) {
                    // not JSON after all: kept as text below
                }
            }
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
