package io.triggermesh.aws.adapter.sink;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudEvents HTTP binding's encoding of attribute values in {@code ce-*} headers: printable ASCII except
 * {@code "} and {@code %} as is, everything else as UTF-8 percent-encoded bytes. Without it a non-ASCII S3 key or
 * SQS attribute cannot be sent at all (the JDK refuses such header values).
 */
public final class HeaderValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {
    }

    public static String encode(String value) {
        if (plain(value)) {
            return value; // the common case (ids, types, URIs): no copy
        }
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

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '%') {
                return false;
            }
        }
        return true;
    }

    /** HTTP headers with every {@code ce-*} value decoded, ready for the CloudEvents SDK's message reader. */
    public static Map<String, List<String>> decodeCloudEventHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, isCloudEventHeader(name)
                ? values.stream().map(HeaderValues::decode).toList() : values));
        return out;
    }

    /** {@code value} decoded when {@code name} is a {@code ce-*} header, else as is. */
    public static String decodeCloudEventHeader(String name, String value) {
        return isCloudEventHeader(name) ? decode(value) : value;
    }

    private static boolean isCloudEventHeader(String name) {
        return name.regionMatches(true, 0, "ce-", 0, 3);
    }

    /** The inverse of {@link #encode}; malformed escapes are kept as written. */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
