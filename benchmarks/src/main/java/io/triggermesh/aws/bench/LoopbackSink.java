package io.triggermesh.aws.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback sink every contender posts to: reads the body, answers 202 at once and counts. One per run, shared by
 * all contenders, so none gets a faster sink.
 */
public final class LoopbackSink implements AutoCloseable {

    private final AtomicLong received = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(64);

    public LoopbackSink() throws IOException {
        // Before the server is made: the JDK reads it once. Without it, small replies wait for delayed ACKs.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(202, -1);
                received.incrementAndGet();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Events accepted since the sink started. */
    public long received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
