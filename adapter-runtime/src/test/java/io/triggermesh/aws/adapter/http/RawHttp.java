package io.triggermesh.aws.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP/1.1 by hand over a socket, for what a client library would hide; every read has a timeout. */
final class RawHttp {

    /** The socket read timeout of every test socket. */
    static final int READ_TIMEOUT_MILLIS = 5000;

    /** One answer: its status line, headers (raw) and body. */
    record Response(String status, String headers, String body) {
        int code() {
            return Integer.parseInt(status.split(" ")[1]);
        }

        boolean hasHeader(String name, String value) {
            return headers.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ": "
                    + value.toLowerCase(Locale.ROOT) + "\r\n");
        }
    }

    private RawHttp() {
    }

    /** A socket to the receiver with {@link #READ_TIMEOUT_MILLIS} on reads. */
    static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    /** A binary-mode event request with the given attributes' values. */
    static String event(String id, String contentType, String body) {
        return "POST / HTTP/1.1\r\nHost: x\r\nce-specversion: 1.0\r\nce-id: " + id + "\r\nce-type: t\r\n"
                + "ce-source: urn:s\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    static String event(String id, String body) {
        return event(id, "application/json", body);
    }

    /**
     * Reads one response with a Content-Length. Refuses a socket without a read timeout, so that no test can wait
     * forever.
     */
    static Response read(Socket socket) throws IOException {
        if (socket.getSoTimeout() <= 0) {
            throw new IllegalStateException("set a read timeout on the socket first");
        }
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed in a body of " + length + " bytes");
        }
        return new Response(headers.substring(0, headers.indexOf("\r\n")), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server closed the connection (end of stream or reset) within the socket's read timeout. */
    static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}
