package io.triggermesh.aws.controller.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in adapter for local-mode tests: listens on {@code PORT} and answers {@code GET /health} with 200 while
 * the file {@code HEALTHY_FILE} exists and 503 otherwise, as an SQS target does while its queue is missing.
 */
public final class HealthStub {

    private HealthStub() {
    }

    public static void main(String[] args) throws IOException {
        Path healthy = Path.of(System.getenv("HEALTHY_FILE"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/health", exchange -> {
            byte[] body = Files.exists(healthy) ? "{\"status\":\"UP\"}".getBytes() : "{\"status\":\"DOWN\"}".getBytes();
            exchange.sendResponseHeaders(Files.exists(healthy) ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
