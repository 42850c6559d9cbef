package io.triggermesh.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS endpoint on loopback that refuses every request as real AWS does when a signature does not match: 403
 * {@code SignatureDoesNotMatch} whose message echoes the canonical request, the {@code Authorization} header and the
 * {@code X-Amz-Security-Token}, and, bare, the access key id and the token. Tests point a client, an adapter or the
 * controller at it and prove that none of those values reaches a condition, an Event, an HTTP reply or a log.
 *
 * <p>It answers in the protocol the request used: AWS JSON ({@code application/x-amz-json-*}, SQS), the query
 * protocol's XML (form-encoded requests, STS) or REST-XML (anything else, S3).
 */
public final class EchoingAwsEndpoint implements AutoCloseable {

    /** The error code of every answer. */
    public static final String CODE = "SignatureDoesNotMatch";

    private static final Pattern KEY_ID = Pattern.compile("Credential=([^/]+)/");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "echoing-aws-endpoint");
        t.setDaemon(true);
        return t;
    });

    private final AtomicInteger refused = new AtomicInteger();

    private EchoingAwsEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static EchoingAwsEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EchoingAwsEndpoint endpoint = new EchoingAwsEndpoint(server);
            server.createContext("/", endpoint::answer);
            server.setExecutor(endpoint.executor);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the echoing AWS endpoint", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String authorization = header(exchange, "Authorization");
            String token = header(exchange, "X-Amz-Security-Token");
            Matcher keyId = KEY_ID.matcher(authorization);
            String message = "The request signature we calculated does not match the signature you provided. Check"
                    + " your AWS Secret Access Key and signing method. Consult the service documentation for"
                    + " details.\n\nThe Canonical String for this request should have been\n'"
                    + exchange.getRequestMethod() + "\n" + exchange.getRequestURI().getRawPath() + "\n\nhost:"
                    + header(exchange, "Host") + "\nx-amz-date:" + header(exchange, "X-Amz-Date")
                    + "\nx-amz-security-token:" + token + "\n\nhost;x-amz-date;x-amz-security-token\n"
                    + "UNSIGNED-PAYLOAD'\n\nAuthorization: " + authorization + "\nX-Amz-Security-Token: " + token
                    + "\n(access key " + (keyId.find() ? keyId.group(1) : "none") + ", session token " + token + ")";
            String contentType = header(exchange, "Content-Type");
            byte[] reply;
            if (contentType.startsWith("application/x-amz-json")) {
                exchange.getResponseHeaders().add("Content-Type", contentType);
                exchange.getResponseHeaders().add("x-amzn-query-error", CODE + ";Sender");
                reply = ("{\"__type\":\"com.amazon.coral.service#" + CODE + "\",\"message\":\"" + json(message)
                        + "\"}").getBytes(StandardCharsets.UTF_8);
            } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                reply = ("<ErrorResponse><Error><Type>Sender</Type><Code>" + CODE + "</Code><Message>" + xml(message)
                        + "</Message></Error><RequestId>echo-1</RequestId></ErrorResponse>")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                reply = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + CODE + "</Code><Message>"
                        + xml(message) + "</Message><RequestId>echo-1</RequestId></Error>")
                        .getBytes(StandardCharsets.UTF_8);
            }
            refused.incrementAndGet();
            exchange.sendResponseHeaders(403, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    /** How many requests it refused so far: proof that a test's calls really came here. */
    public int refused() {
        return refused.get();
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
