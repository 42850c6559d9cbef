package io.triggermesh.aws.local;

import com.sun.net.httpserver.HttpServer;
import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in adapter for local-mode tests, registered for the launcher under {@link #KIND}: listens on {@code PORT}
 * and answers {@code GET /health} with 200 while the file {@code HEALTHY_FILE} exists and 503 otherwise, as an SQS
 * target does while its queue is missing.
 */
public final class HealthStub implements KindAdapter {

    static final String KIND = "LocalHealthStub";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) throws IOException {
        Path healthy = Path.of(context.config().required("HEALTHY_FILE", "the file whose presence means healthy"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.config().port(8080)), 0);
        server.createContext("/health", exchange -> {
            byte[] body = Files.exists(healthy) ? "{\"status\":\"UP\"}".getBytes() : "{\"status\":\"DOWN\"}".getBytes();
            exchange.sendResponseHeaders(Files.exists(healthy) ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return () -> server.stop(0);
    }
}
