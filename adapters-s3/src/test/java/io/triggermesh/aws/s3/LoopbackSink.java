package io.triggermesh.aws.s3;

import io.triggermesh.aws.adapter.sink.HeaderValues;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A CloudEvents sink on a loopback port for adapter tests: records every delivery attempt and answers as the test
 * says ({@link #answer}), by default 202.
 */
final class LoopbackSink implements AutoCloseable {

    /** How the sink answers one attempt. */
    record Answer(int status, Map<String, String> headers, Duration delay) {
        static Answer status(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }

        static Answer retryAfter(int status, int seconds) {
            return new Answer(status, Map.of("Retry-After", Integer.toString(seconds)), Duration.ZERO);
        }

        static Answer slow(Duration delay) {
            return new Answer(202, Map.of(), delay);
        }
    }

    /**
     * One delivery attempt.
     *
     * @param event the event as received
     * @param attempt 1 for the first attempt of this event's type and subject, 2 for the second, ...
     * @param status what the sink answered (or will answer, for a slow answer)
     * @param at when it arrived
     */
    record Attempt(CloudEvent event, int attempt, int status, Instant at) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attemptsByEvent = new HashMap<>();
    private volatile BiFunction<CloudEvent, Integer, Answer> answer = (event, attempt) -> Answer.status(202);

    LoopbackSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** From now on, answer with {@code answer(event, attempt number of this event's type and subject)}. */
    void answer(BiFunction<CloudEvent, Integer, Answer> answer) {
        this.answer = Objects.requireNonNull(answer);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The events the sink accepted, in arrival order. */
    List<CloudEvent> accepted() {
        return attempts.stream().filter(Attempt::accepted).map(Attempt::event).toList();
    }

    /**
     * The events the sink accepted, each once (by id), in order of first acceptance. SQS delivers at least once,
     * and moto's ReceiveMessage can hand one message to two concurrent long polls, so tests that count events count
     * these.
     */
    List<CloudEvent> acceptedOnce() {
        Map<String, CloudEvent> byId = new java.util.LinkedHashMap<>();
        accepted().forEach(event -> byId.putIfAbsent(event.getId(), event));
        return List.copyOf(byId.values());
    }

    /** Every attempt for events with this subject. */
    List<Attempt> attemptsFor(String subject) {
        return attempts.stream().filter(a -> subject.equals(a.event().getSubject())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            CloudEvent event;
            try {
                // As a compliant receiver does: binary-mode values arrive percent-encoded (HTTP binding 3.1.3.2).
                event = HttpMessageFactory.createReaderFromMultimap(
                        HeaderValues.decodeCloudEventHeaders(exchange.getRequestHeaders()), body).toEvent();
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            int attempt;
            synchronized (attemptsByEvent) {
                attempt = attemptsByEvent.merge(event.getType() + "|" + event.getSubject(), 1, Integer::sum);
            }
            Answer reply = answer.apply(event, attempt);
            // Recorded on arrival, so that a slow answer still in progress does not hide this attempt.
            attempts.add(new Attempt(event, attempt, reply.status(), Instant.now()));
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());  // simulating a slow sink, not synchronising
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Type and subject of each event, for comparing with what a test expects. */
    static List<String> typesAndSubjects(List<CloudEvent> events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.getType() + " " + e.getSubject()));
        return out;
    }
}
