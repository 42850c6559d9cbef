package io.triggermesh.aws.adapter.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one HTTP/1.x answer to a POST for {@link PlainHttpPoster}: the status line (skipping 100 Continue and other
 * informational answers), the headers it needs, and the body, of which it keeps the first bytes for logs. It says
 * whether the connection can carry another request: only when the body's end was known (Content-Length or chunked)
 * and read, and neither side asked to close.
 */
final class HttpAnswerReader {

    /** What the poster needs of an answer. */
    record Parsed(int status, String retryAfter, byte[] detail, boolean reusable) {
    }

    private HttpAnswerReader() {
    }

    static Parsed read(InputStream in, int detailLength, int maxLine, int maxHeaders, long maxDrained)
            throws IOException {
        while (true) {
            String statusLine = line(in, maxLine);
            if (statusLine == null) {
                throw new IOException("the sink closed the connection without an answer");
            }
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' ') {
                throw new IOException("the sink's answer is not HTTP/1.x");
            }
            int status = parseStatus(statusLine);
            boolean http10 = statusLine.charAt(7) == '0';
            Headers headers = headers(in, maxLine, maxHeaders);
            if (status >= 100 && status < 200) {
                if (status == 101) {
                    throw new IOException("the sink switched protocols, which a POST never asks for");
                }
                continue;
            }
            boolean keepAlive = http10 ? headers.keepAlive : !headers.close;
            if (status == 204 || status == 304) {
                return new Parsed(status, headers.retryAfter, new byte[0], keepAlive);
            }
            Detail detail = new Detail(detailLength);
            if (headers.chunked) {
                boolean complete = chunked(in, detail, maxLine, maxDrained);
                return new Parsed(status, headers.retryAfter, detail.bytes(), keepAlive && complete);
            }
            if (headers.contentLength >= 0) {
                boolean complete = headers.contentLength <= maxDrained;
                copy(in, complete ? headers.contentLength : Math.min(headers.contentLength, detailLength), detail);
                return new Parsed(status, headers.retryAfter, detail.bytes(), keepAlive && complete);
            }
            // No length: the body ends with the connection; read what the log needs, then close.
            byte[] buffer = new byte[detailLength];
            int n;
            while (detail.room() > 0 && (n = in.read(buffer, 0, detail.room())) >= 0) {
                detail.add(buffer, n);
            }
            return new Parsed(status, headers.retryAfter, detail.bytes(), false);
        }
    }

    private static int parseStatus(String statusLine) throws IOException {
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = statusLine.charAt(i);
            if (c < '0' || c > '9') {
                throw new IOException("the sink's answer has no valid status code");
            }
            status = status * 10 + (c - '0');
        }
        if (statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
            throw new IOException("the sink's answer has no valid status code");
        }
        return status;
    }

    private static final class Headers {
        long contentLength = -1;
        boolean chunked;
        boolean close;
        boolean keepAlive;
        String retryAfter;
    }

    private static Headers headers(InputStream in, int maxLine, int maxHeaders) throws IOException {
        Headers headers = new Headers();
        for (int count = 0; ; count++) {
            String line = line(in, maxLine);
            if (line == null) {
                throw new IOException("the sink closed the connection in the middle of its answer");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= maxHeaders) {
                throw new IOException("the sink's answer has more than " + maxHeaders + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the sink's answer has a malformed header");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                try {
                    long length = Long.parseLong(value);
                    if (length < 0 || headers.contentLength >= 0 && headers.contentLength != length) {
                        throw new IOException("the sink's answer has an invalid Content-Length");
                    }
                    headers.contentLength = length;
                } catch (NumberFormatException e) {
                    throw new IOException("the sink's answer has an invalid Content-Length");
                }
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                String[] codings = value.split(",");
                headers.chunked = codings[codings.length - 1].trim().equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                for (String option : value.split(",")) {
                    headers.close |= option.trim().equalsIgnoreCase("close");
                    headers.keepAlive |= option.trim().equalsIgnoreCase("keep-alive");
                }
            } else if (name.equalsIgnoreCase("Retry-After") && headers.retryAfter == null) {
                headers.retryAfter = value;
            }
        }
    }

    /** Reads a chunked body; false when it was too long to read to its end. */
    private static boolean chunked(InputStream in, Detail detail, int maxLine, long maxDrained) throws IOException {
        long total = 0;
        while (true) {
            String sizeLine = line(in, maxLine);
            if (sizeLine == null) {
                throw new IOException("the sink closed the connection in the middle of its answer");
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("the sink's answer has a malformed chunk");
            }
            if (size < 0) {
                throw new IOException("the sink's answer has a malformed chunk");
            }
            if (size == 0) {
                // Trailers, up to the empty line.
                String trailer;
                do {
                    trailer = line(in, maxLine);
                } while (trailer != null && !trailer.isEmpty());
                return trailer != null;
            }
            total += size;
            if (total > maxDrained) {
                copy(in, Math.min(size, detail.room()), detail);
                return false;
            }
            copy(in, size, detail);
            if (!"".equals(line(in, maxLine))) {
                throw new IOException("the sink's answer has a malformed chunk");
            }
        }
    }

    private static void copy(InputStream in, long length, Detail detail) throws IOException {
        byte[] buffer = new byte[(int) Math.min(4096, Math.max(1, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the sink closed the connection in the middle of its answer");
            }
            detail.add(buffer, n);
            left -= n;
        }
    }

    /** A line without its CRLF (or bare LF); null at the end of the stream before any byte. */
    private static String line(InputStream in, int maxLine) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= maxLine) {
                throw new IOException("the sink's answer has a line longer than " + maxLine + " bytes");
            }
            line.append((char) b);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new IOException("the sink closed the connection in the middle of its answer");
    }

    /** The first bytes of a body. */
    private static final class Detail {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;

        Detail(int limit) {
            this.limit = limit;
        }

        int room() {
            return limit - bytes.size();
        }

        void add(byte[] buffer, int n) {
            bytes.write(buffer, 0, Math.min(n, room()));
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
