package io.triggermesh.aws.sqs.adapter;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

/**
 * A CloudEvent in the JSON format, byte for byte what the CloudEvents SDK's {@link JsonFormat} writes. The events
 * nearly every target gets (every attribute ASCII, JSON data such as {@code application/json} or {@code text/json} in
 * ASCII, or no data) are written by {@link AsciiEventJson} straight into a byte array; the SDK would go through an
 * {@code ObjectMapper} call, match the content type with a regular expression and copy the data from bytes to a
 * String and to chars, which together cost a few microseconds per event (see docs/benchmarks.md, "Target"). Every
 * other event goes through the SDK unchanged.
 */
final class EventJson {

    private EventJson() {
    }

    /** Made with the first event this class does not write itself: the SDK's format loads jackson-databind. */
    private static final class Sdk {
        static final JsonFormat FORMAT = new JsonFormat();
    }

    static byte[] serialize(CloudEvent event) {
        CloudEventData data = event.getData();
        byte[] bytes = data == null ? null : data instanceof JsonCloudEventData ? null : data.toBytes();
        if (data == null || bytes != null && jsonType(event.getDataContentType()) && ascii(bytes)) {
            byte[] ascii = AsciiEventJson.write(event, bytes);
            if (ascii != null) {
                return ascii;
            }
        }
        return Sdk.FORMAT.serialize(event);
    }

    /**
     * Content types the SDK's pattern {@code ^(application|text)/([a-zA-Z]+\+)?json(;.*)*$} takes for JSON, the common
     * ones only; false sends the event through the SDK, which decides the rest.
     */
    static boolean jsonType(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.equals("application/json") || contentType.equals("text/json")) {
            return true;
        }
        if (!contentType.startsWith("application/json;")) {
            return false;
        }
        // The pattern's "." stops at line terminators; parameters with one go to the SDK.
        for (int i = 0; i < contentType.length(); i++) {
            char c = contentType.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
