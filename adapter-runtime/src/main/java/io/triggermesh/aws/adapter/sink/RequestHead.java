package io.triggermesh.aws.adapter.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The header lines of a {@link PlainHttpPoster} request after its request line and Host. A header that would change
 * how the request is framed, or whose value would end the line early (a request split into two), is refused, as the
 * JDK {@code HttpClient} refuses it.
 */
final class RequestHead {

    private RequestHead() {
    }

    static byte[] of(List<String> headers, int length) {
        StringBuilder head = new StringBuilder(256);
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            String name = headers.get(i);
            String value = headers.get(i + 1);
            if (!isToken(name) || reserved(name)) {
                throw new IllegalArgumentException("cannot send a header named " + name);
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if ((ch < 0x20 && ch != '\t') || ch == 0x7f || ch > 0xff) {
                    throw new IllegalArgumentException("the value of header " + name
                            + " holds a character HTTP headers cannot carry");
                }
            }
            head.append(name).append(": ").append(value).append("\r\n");
        }
        head.append("Content-Length: ").append(length).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean reserved(String name) {
        return name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
                || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Transfer-Encoding");
    }
}
