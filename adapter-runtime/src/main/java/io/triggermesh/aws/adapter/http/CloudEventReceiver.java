package io.triggermesh.aws.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.triggermesh.aws.adapter.sink.HeaderValues;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP side of a target adapter: receives CloudEvents in binary or structured (JSON) mode, through the
 * CloudEvents SDK, hands each to an {@link EventHandler} and answers with its {@link TargetReply}. Anything that is
 * not a valid CloudEvent gets a 400 naming the problem; a body over the limit gets a 413 without being read.
 * {@code GET /health} answers 200 while the health check passes, 503 with its reason otherwise.
 */
public final class CloudEventReceiver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CloudEventReceiver.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH_PATH = "/health";
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventHandler handler;
    private final int maxBodyBytes;
    private final Supplier<Optional<String>> health;

    private CloudEventReceiver(Builder builder) throws IOException {
        this.handler = builder.handler;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.health = builder.health;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(builder.threads, builder.threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 256);
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
    }

    public static Builder builder(EventHandler handler) {
        return new Builder(handler);
    }

    /** The port the receiver listens on (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (HEALTH_PATH.equals(exchange.getRequestURI().getPath())) {
                Optional<String> problem = health.get();
                byte[] body = problem.orElse("ok").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(problem.isPresent() ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if (!"POST".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "POST");
                fail(exchange, TargetReply.failure(405, "MethodNotAllowed", "send CloudEvents with POST"));
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                fail(exchange, TargetReply.failure(413, "PayloadTooLarge", "the request body exceeds "
                        + maxBodyBytes + " bytes"));
                return;
            }
            CloudEvent event;
            try {
                MessageReader reader = HttpMessageFactory.createReaderFromMultimap(
                        HeaderValues.decodeCloudEventHeaders(exchange.getRequestHeaders()), body);
                event = reader.toEvent();
            } catch (RuntimeException e) {
                fail(exchange, TargetReply.failure(400, "InvalidCloudEvent", "not a valid CloudEvent: "
                        + message(e) + ". Send a CloudEvent in binary mode (ce-* headers) or structured mode"
                        + " (Content-Type: application/cloudevents+json)"));
                return;
            }
            TargetReply reply;
            try {
                reply = handler.handle(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "handling event " + event.getId() + " failed", e);
                reply = TargetReply.failure(500, "InternalError", "handling the event failed: " + message(e));
            }
            if (reply instanceof TargetReply.Success success) {
                succeed(exchange, success);
            } else {
                fail(exchange, (TargetReply.Failure) reply);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "connection to a client failed: " + e);
        }
    }

    /** The body, or {@code null} when it is longer than the limit. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > maxBodyBytes) {
                return null;
            }
        }
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (out.size() + read > maxBodyBytes) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static void succeed(HttpExchange exchange, TargetReply.Success success) throws IOException {
        if (success.result().isEmpty()) {
            exchange.sendResponseHeaders(202, -1);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(headers::add, bytes -> body[0] = bytes).writeBinary(success.result().get());
        byte[] bytes = body[0] == null ? new byte[0] : body[0];
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void fail(HttpExchange exchange, TargetReply.Failure failure) throws IOException {
        ObjectNode json = JSON.createObjectNode()
                .put("code", failure.code())
                .put("message", failure.message())
                .put("retryable", failure.retryable());
        byte[] bytes = JSON.writeValueAsBytes(json);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        failure.retryAfter().ifPresent(d -> headers.set("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
        exchange.sendResponseHeaders(failure.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String message(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Lets requests in progress finish (up to five seconds), then closes the port. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    /** Builder of a {@link CloudEventReceiver}. */
    public static final class Builder {
        private final EventHandler handler;
        private String host = "0.0.0.0";
        private int port = 8080;
        private int threads = 64;
        private int maxBodyBytes = 1024 * 1024 + 64 * 1024;
        private Supplier<Optional<String>> health = Optional::empty;

        private Builder(EventHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** The port, 8080 by default; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind, all interfaces by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Requests handled at once (handlers may block), 64 by default. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The largest request body accepted, 1 MiB + 64 KiB by default; larger ones get 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The health check: empty while healthy, else the reason {@code /health} answers 503 with. */
        public Builder health(Supplier<Optional<String>> health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /** Binds the port and starts serving. */
        public CloudEventReceiver start() throws IOException {
            // Without TCP_NODELAY, a reply written as headers then body waits out the client's delayed ACK (~40 ms).
            if (System.getProperty(NODELAY) == null) {
                System.setProperty(NODELAY, "true");
            }
            CloudEventReceiver receiver = new CloudEventReceiver(this);
            receiver.server.start();
            LOG.log(System.Logger.Level.INFO, () -> "receiving CloudEvents on port " + receiver.port());
            return receiver;
        }
    }
}
