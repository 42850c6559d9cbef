package io.triggermesh.aws.e2e.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AWS that refuses every request the way real AWS refuses a bad signature: 403 with {@code SignatureDoesNotMatch},
 * quoting the canonical request it expected, which carries the caller's access key id ({@code Credential=…}) and
 * {@code x-amz-security-token}. S3 answers in REST-XML with {@code AWSAccessKeyId} and {@code CanonicalRequest}
 * elements, query services (STS) in an {@code ErrorResponse}, JSON services (SQS) as
 * {@code InvalidSignatureException}. Whatever the system does with these errors, the credentials must not come out.
 */
final class EchoingAws implements World.FrontOfAws {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicInteger refused = new AtomicInteger();

    EchoingAws() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::refuse);
        server.start();
    }

    @Override
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests were refused so far. */
    int refused() {
        return refused.get();
    }

    private void refuse(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = header(exchange, "Authorization").orElse("");
            String token = header(exchange, "X-Amz-Security-Token").orElse("");
            String canonical = exchange.getRequestMethod() + "\n" + exchange.getRequestURI().getRawPath() + "\n\n"
                    + "host:" + header(exchange, "Host").orElse("") + "\n"
                    + "x-amz-date:" + header(exchange, "X-Amz-Date").orElse("") + "\n"
                    + (token.isEmpty() ? "" : "x-amz-security-token:" + token + "\n")
                    + "\nhost;x-amz-date" + (token.isEmpty() ? "" : ";x-amz-security-token");
            String message = "The request signature we calculated does not match the signature you provided."
                    + " Check your AWS Secret Access Key and signing method. The Canonical String for this request"
                    + " should have been\n'" + canonical + "'\n\nThe String-to-Sign should have been\n'"
                    + "AWS4-HMAC-SHA256\n" + header(exchange, "X-Amz-Date").orElse("") + "\n" + authorization + "'";
            String contentType = header(exchange, "Content-Type").orElse("");
            String body;
            String type;
            if (contentType.contains("x-amz-json")) {
                type = contentType;
                exchange.getResponseHeaders().add("x-amzn-query-error", "SignatureDoesNotMatch;Sender");
                body = "{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":"
                        + json(message) + "}";
            } else if (form.contains("Action=") || String.valueOf(exchange.getRequestURI().getQuery())
                    .contains("Action=")) {
                type = "text/xml";
                body = "<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>"
                        + xml(message) + "</Message></Error><RequestId>echo</RequestId></ErrorResponse>";
            } else {
                type = "application/xml";
                body = "<Error><Code>SignatureDoesNotMatch</Code><Message>" + xml(message) + "</Message>"
                        + "<AWSAccessKeyId>" + xml(keyId(authorization)) + "</AWSAccessKeyId>"
                        + "<CanonicalRequest>" + xml(canonical) + "</CanonicalRequest><RequestId>echo</RequestId>"
                        + "</Error>";
            }
            refused.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(403, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Optional<String> header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    private static String keyId(String authorization) {
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return "";
        }
        int end = authorization.indexOf('/', start);
        return end < 0 ? "" : authorization.substring(start + "Credential=".length(), end);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
