package io.triggermesh.aws.s3.adapter.source;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.sink.EventSink;
import io.triggermesh.aws.adapter.sink.SinkResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent-encodes the {@code subject} of events before they are sent in binary mode, as the CloudEvents HTTP binding
 * requires for header values (space, {@code "}, {@code %} and everything outside printable ASCII; the receiver
 * decodes). S3 keys are often outside ASCII, and adapter-runtime's {@code CloudEventSender} writes attribute values
 * into headers unencoded, which the JDK's HTTP client refuses.
 *
 * <p>A workaround: remove it once the runtime's sender encodes header values itself (then this would encode twice).
 */
final class HeaderSafeSink implements EventSink {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final EventSink delegate;

    HeaderSafeSink(EventSink delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public SinkResult send(CloudEvent event) {
        String subject = event.getSubject();
        if (subject == null || !needsEncoding(subject)) {
            return delegate.send(event);
        }
        return delegate.send(CloudEventBuilder.from(event).withSubject(encode(subject)).build());
    }

    /** The value as the HTTP binding writes it into a header. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '"' && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean needsEncoding(String value) {
        return value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '"' || c == '%');
    }
}
