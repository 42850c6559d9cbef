package io.triggermesh.aws.e2e.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands between the system and the AWS emulator: forwards every request, or, while {@link #throttle(boolean)} is
 * on, answers SQS calls as AWS does when a caller exceeds its request rate (400 ThrottlingException), so a test sees
 * how the adapters back off and recover.
 */
final class ThrottlingProxy implements World.FrontOfAws {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "date", "via", "warning", "from");
    // The SQS JSON protocol names the queue in the body; the path of its URL is /<account>/<name>.
    private static final Pattern QUEUE_URL = Pattern.compile("\"QueueUrl\"\\s*:\\s*\"[a-z]+://[^/\"]*(/[^\"]*)\"");

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private volatile boolean throttling;

    ThrottlingProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void throttle(boolean on) {
        throttling = on;
    }

    /**
     * Calls of {@code action} (ReceiveMessage, ...) on the queue {@code name} of {@code account} answered with
     * ThrottlingException. Per queue, since the adapters of earlier tests go through this proxy too.
     */
    int throttled(String action, String account, String name) {
        AtomicInteger count = throttled.get(key(action, "/" + account + "/" + name));
        return count == null ? 0 : count.get();
    }

    /** Every count, for a failure message: action and queue path of each. */
    String throttledCounts() {
        return new java.util.TreeMap<>(throttled).toString();
    }

    private static String key(String action, String queuePath) {
        return action + " " + queuePath;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (throttling && amzTarget != null && amzTarget.startsWith("AmazonSQS.")) {
                Matcher queue = QUEUE_URL.matcher(new String(body, StandardCharsets.UTF_8));
                String action = amzTarget.substring("AmazonSQS.".length());
                throttled.computeIfAbsent(key(action, queue.find() ? queue.group(1) : "(no queue)"),
                        k -> new AtomicInteger()).incrementAndGet();
                byte[] error = "{\"__type\":\"com.amazonaws.sqs#ThrottlingException\",\"message\":\"Rate exceeded\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().add("x-amzn-query-error", "ThrottlingException;Sender");
                exchange.sendResponseHeaders(400, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .timeout(java.time.Duration.ofSeconds(60)) // above the 20 s long polls it forwards
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
