package io.triggermesh.aws.sqs.adapter;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.rw.CloudEventContextWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link EventJson}'s output for an event whose attributes are all ASCII, written straight into a byte array: the
 * calls, in the order, of the CloudEvents SDK's {@code CloudEventSerializer} on a Jackson generator, with the bytes
 * that generator writes with its defaults (no spaces; in strings {@code \"}, {@code \\}, {@code \b}, {@code \t},
 * {@code \n}, {@code \f}, {@code \r}, {@code \}{@code u00XX} with capital hex digits for the other control
 * characters, and {@code /} and DEL as they are). Setting up that generator was about half of what writing a small
 * event cost (docs/benchmarks.md, "Target: calls in flight"). A non-ASCII or missing value declines the event
 * ({@link #write} gives null) and EventJson hands it to the SDK, which decides how such characters look.
 * {@code EventJsonDifferentialTest} compares the result with the CloudEvents SDK's over random attributes.
 */
final class AsciiEventJson implements CloudEventContextWriter {

    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final byte[] START = ascii("{\"specversion\":");
    private static final byte[] DATA = ascii(",\"data\":");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    /** Per ASCII character: 0 as it is, -1 as {@code \}{@code u00XX}, else the letter after a backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        Arrays.fill(ESCAPES, 0, 0x20, (byte) -1);
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    private byte[] out;
    private int size;
    private boolean declined;

    private AsciiEventJson(int capacity) {
        out = new byte[capacity];
    }

    /**
     * The event in the JSON format with {@code data} (ASCII JSON, or null for none) as its data, or null when an
     * attribute is not plain ASCII text.
     */
    static byte[] write(CloudEvent event, byte[] data) {
        AsciiEventJson json = new AsciiEventJson(256 + (data == null ? 0 : data.length));
        json.raw(START);
        json.string(event.getSpecVersion().toString());
        CloudEventUtils.toContextReader(event).readContext(json);
        if (data != null) {
            json.raw(DATA);
            json.raw(data);
        }
        json.raw((byte) '}');
        return json.declined ? null : Arrays.copyOf(json.out, json.size);
    }

    @Override
    public CloudEventContextWriter withContextAttribute(String name, String value) {
        if (value == null) {
            declined = true; // the SDK writes null; not worth a second way here
        }
        if (name(name)) {
            string(value);
        }
        return this;
    }

    @Override
    public CloudEventContextWriter withContextAttribute(String name, Number value) {
        // As the SDK's JsonContextWriter and EventJson: integers as numbers, other numbers as their text.
        return value instanceof Integer integer ? withContextAttribute(name, integer)
                : withContextAttribute(name, value.toString());
    }

    @Override
    public CloudEventContextWriter withContextAttribute(String name, Integer value) {
        if (name(name)) {
            raw(ascii(Integer.toString(value)));
        }
        return this;
    }

    @Override
    public CloudEventContextWriter withContextAttribute(String name, Boolean value) {
        if (name(name)) {
            raw(value ? TRUE : FALSE);
        }
        return this;
    }

    /** A comma, the name and its colon; false once the event is declined, as nothing more needs writing. */
    private boolean name(String name) {
        if (declined) {
            return false;
        }
        raw((byte) ',');
        string(name);
        raw((byte) ':');
        return !declined;
    }

    /** Text known to need no escapes: this class's own punctuation, and the digits of a number. */
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private void raw(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private void raw(byte b) {
        room(1);
        out[size++] = b;
    }

    private void string(String text) {
        if (declined) {
            return;
        }
        room(text.length() * 6 + 2); // the longest escape, backslash-u and four digits, for each character
        byte[] out = this.out;
        int size = this.size;
        out[size++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                declined = true;
                return;
            }
            byte escape = ESCAPES[c];
            if (escape == 0) {
                out[size++] = (byte) c;
            } else if (escape > 0) {
                out[size++] = '\\';
                out[size++] = escape;
            } else {
                out[size++] = '\\';
                out[size++] = 'u';
                out[size++] = '0';
                out[size++] = '0';
                out[size++] = HEX[c >> 4];
                out[size++] = HEX[c & 0xF];
            }
        }
        out[size++] = '"';
        this.size = size;
    }

    private void room(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
