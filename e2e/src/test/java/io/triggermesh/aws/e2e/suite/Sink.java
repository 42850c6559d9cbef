package io.triggermesh.aws.e2e.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.triggermesh.aws.adapter.sink.HeaderValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An event sink on a loopback port, as a Knative service would be: records every CloudEvent it accepts and answers
 * 202, or 503 with Retry-After while {@link #down(boolean)}.
 */
final class Sink implements AutoCloseable {

    private final HttpServer server;
    private final List<CloudEvent> accepted = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile long delayMillis;
    private volatile int refused;

    Sink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void down(boolean down) {
        this.down = down;
    }

    /** Answers every event only after {@code millis}, as a slow service would. */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    int refused() {
        return refused;
    }

    /** Accepted events, each once by id (delivery is at least once), in order of first arrival. */
    List<CloudEvent> events() {
        Map<String, CloudEvent> byId = new LinkedHashMap<>();
        accepted.forEach(e -> byId.putIfAbsent(e.getId(), e));
        return List.copyOf(byId.values());
    }

    List<String> ids() {
        return events().stream().map(CloudEvent::getId).toList();
    }

    /** Ids of the accepted events whose source is {@code source}. */
    List<String> idsFrom(String source) {
        return events().stream().filter(e -> source.equals(String.valueOf(e.getSource()))).map(CloudEvent::getId)
                .toList();
    }

    List<String> subjects() {
        return events().stream().map(e -> String.valueOf(e.getSubject())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (down) {
                refused++;
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            CloudEvent event;
            try {
                event = HttpMessageFactory.createReaderFromMultimap(
                        HeaderValues.decodeCloudEventHeaders(exchange.getRequestHeaders()), body).toEvent();
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);  // a slow sink, not synchronisation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            accepted.add(event);
            exchange.sendResponseHeaders(202, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
