package io.triggermesh.aws.adapter.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.io.IOException;
import java.util.Locale;

/**
 * What the CloudEvents SDK lets through but a target must not take: empty required attributes (the specification
 * requires {@code id}, {@code source} and {@code type} to be non-empty), and data declared JSON that is not JSON, or
 * not UTF-8, which a target would otherwise pass on broken.
 */
final class EventChecks {

    /** An event the receiver refuses with 400. */
    static final class Invalid extends RuntimeException {
        private final String code;

        Invalid(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private EventChecks() {
    }

    static void check(CloudEvent event) {
        nonEmpty("id", event.getId());
        nonEmpty("source", event.getSource() == null ? null : event.getSource().toString());
        nonEmpty("type", event.getType());
        CloudEventData data = event.getData();
        String type = event.getDataContentType();
        if (data != null && isJson(type)) {
            json(data.toBytes(), type);
        }
    }

    /** {@code application/json}, {@code text/json} and any {@code +json} type, parameters aside. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.equals("application/json")) {
            return true; // nearly every event: no copies made to find it
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.equals("text/json") || media.endsWith("+json");
    }

    private static void nonEmpty(String attribute, String value) {
        if (value == null || value.isEmpty()) {
            throw new Invalid("InvalidCloudEvent", "the CloudEvent attribute " + attribute + " is empty; the"
                    + " CloudEvents specification requires a non-empty " + attribute + " (ce-" + attribute
                    + " header in binary mode)");
        }
    }

    private static void json(byte[] bytes, String contentType) {
        if (bytes.length == 0 || JsonSyntax.surelyValid(bytes)) {
            return; // the common case, without a parser set up for it; Jackson decides (and words) everything else
        }
        jackson(bytes, contentType);
    }

    /** Jackson's answer, the only one users see; not private, as the yardstick JsonSyntaxTest holds JsonSyntax to. */
    static void jackson(byte[] bytes, String contentType) {
        // Jackson's byte parser: it reads UTF-8 itself, so bytes that are not UTF-8 are an error, not replaced.
        try (JsonParser parser = Json.FACTORY.createParser(bytes)) {
            if (parser.nextToken() == null) {
                throw invalidJson(contentType, "it holds no JSON value");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalidJson(contentType, "more than one JSON value at byte "
                        + parser.currentTokenLocation().getByteOffset());
            }
        } catch (JsonProcessingException e) {
            throw invalidJson(contentType, e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset()));
        } catch (IOException e) {
            throw invalidJson(contentType, CloudEventReceiver.message(e));
        }
    }

    private static Invalid invalidJson(String contentType, String problem) {
        return new Invalid("InvalidJson", "the event data is not valid UTF-8 JSON, as its content type "
                + contentType + " says: " + CloudEventReceiver.message(new IllegalArgumentException(problem))
                + ". Send valid JSON, or a content type that says what the data is (such as"
                + " application/octet-stream)");
    }
}
