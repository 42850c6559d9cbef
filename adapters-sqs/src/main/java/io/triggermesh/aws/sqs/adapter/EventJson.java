package io.triggermesh.aws.sqs.adapter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventContextWriter;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A CloudEvent in the JSON format, byte for byte what the CloudEvents SDK's {@link JsonFormat} writes, for the events
 * nearly every target gets: JSON data ({@code application/json}, {@code text/json}) in ASCII, or no data. Those are
 * written here straight onto a Jackson generator; the SDK would go through an {@code ObjectMapper} call, match the
 * content type with a regular expression and copy the data from bytes to a String and to chars, which together cost
 * a few microseconds per event (see docs/benchmarks.md, "Target"). Where every attribute is ASCII too,
 * {@link AsciiEventJson} writes the same bytes without the generator. Every other event goes through the SDK
 * unchanged.
 */
final class EventJson {

    // The SDK's ObjectMapper builds its generators from a factory with Jackson's defaults, like this one.
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EventJson() {
    }

    /** Made with the first event this class does not write itself: the SDK's format loads jackson-databind. */
    private static final class Sdk {
        static final JsonFormat FORMAT = new JsonFormat();
    }

    static byte[] serialize(CloudEvent event) {
        CloudEventData data = event.getData();
        byte[] bytes = data == null ? null : data instanceof JsonCloudEventData ? null : data.toBytes();
        if (data != null && (bytes == null || !jsonType(event.getDataContentType()) || !ascii(bytes))) {
            return Sdk.FORMAT.serialize(event);
        }
        byte[] ascii = AsciiEventJson.write(event, bytes);
        return ascii != null ? ascii : generated(event, bytes);
    }

    /** What AsciiEventJson writes without a generator; here for attributes with other characters. */
    private static byte[] generated(CloudEvent event, byte[] bytes) {
        ByteArrayBuilder out = new ByteArrayBuilder(256 + (bytes == null ? 0 : bytes.length));
        try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            // The order and the calls of the SDK's CloudEventSerializer.
            gen.writeStartObject();
            gen.writeStringField("specversion", event.getSpecVersion().toString());
            CloudEventUtils.toContextReader(event).readContext(new Attributes(gen));
            if (bytes != null) {
                gen.writeFieldName("data");
                // ASCII: the SDK's decoding to chars and Jackson's encoding back give these very bytes.
                gen.writeRawValue(new String(bytes, StandardCharsets.ISO_8859_1));
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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

    /** As the SDK's JsonContextWriter: strings, integers and booleans as such, other values as their text. */
    private record Attributes(JsonGenerator gen) implements CloudEventContextWriter {

        @Override
        public CloudEventContextWriter withContextAttribute(String name, String value) throws CloudEventRWException {
            try {
                gen.writeStringField(name, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        @Override
        public CloudEventContextWriter withContextAttribute(String name, Number value) throws CloudEventRWException {
            return value instanceof Integer integer ? withContextAttribute(name, integer)
                    : withContextAttribute(name, value.toString());
        }

        @Override
        public CloudEventContextWriter withContextAttribute(String name, Integer value) throws CloudEventRWException {
            try {
                gen.writeNumberField(name, value.intValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        @Override
        public CloudEventContextWriter withContextAttribute(String name, Boolean value) throws CloudEventRWException {
            try {
                gen.writeBooleanField(name, value.booleanValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }
}
