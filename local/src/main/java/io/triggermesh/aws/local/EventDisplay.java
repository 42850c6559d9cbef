package io.triggermesh.aws.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A sink that prints every CloudEvent it receives (binary or structured mode), like Knative's event-display, and
 * keeps them for whoever runs local mode programmatically. Always answers 202.
 */
public final class EventDisplay implements AutoCloseable {

    /** One received event: its CloudEvent attributes (ce-* headers or structured fields) and its body. */
    public record Received(Map<String, String> attributes, String body) {
    }

    private final HttpServer server;
    private final PrintStream console;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private EventDisplay(HttpServer server, PrintStream console) {
        this.server = server;
        this.console = console;
    }

    public static EventDisplay start(int port, PrintStream console) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            EventDisplay display = new EventDisplay(server, console);
            server.createContext("/", display::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "event-display");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return display;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the event display on port " + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> attributes = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase();
            if (lower.startsWith("ce-")) {
                // The HTTP binding percent-encodes attribute values in headers.
                attributes.put(lower.substring(3), percentDecode(values.get(0)));
            } else if (lower.equals("content-type")) {
                attributes.put("datacontenttype", values.get(0));
            }
        });
        received.add(new Received(attributes, body));
        console.println("[event] " + attributes.getOrDefault("type", "(structured)") + " from "
                + attributes.getOrDefault("source", "?") + " subject=" + attributes.getOrDefault("subject", "-")
                + " id=" + attributes.getOrDefault("id", "?"));
        console.println("        " + (body.length() > 400 ? body.substring(0, 400) + "..." : body));
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String percentDecode(String value) {
        try {
            // '+' is a literal plus in header values, not a space as in forms.
            return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
