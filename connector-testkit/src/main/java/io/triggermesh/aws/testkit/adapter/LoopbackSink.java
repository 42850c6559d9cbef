package io.triggermesh.aws.testkit.adapter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.triggermesh.aws.adapter.sink.HeaderValues;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A CloudEvents sink on a loopback port for adapter tests (a source's {@code K_SINK}): it reads each delivery as a
 * compliant receiver does (binary or structured mode, percent-encoded binary attributes decoded), records every
 * attempt, and answers as the test says ({@link #answer}), by default 202. A delivery it cannot read as a
 * CloudEvent gets 400 and is not recorded.
 */
public final class LoopbackSink implements AutoCloseable {

    /** How long a delivery waits at most while the sink is held ({@link #hold()}). */
    private static final Duration MAX_HOLD = Duration.ofSeconds(30);

    /** How the sink answers one attempt: a status, response headers, and a delay before answering. */
    public record Answer(int status, Map<String, String> headers, Duration delay) {

        /** 202 at once. */
        public static final Answer OK = status(202);

        public Answer {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(delay, "delay");
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), Duration.ZERO);
        }

        /** {@code status} with {@code Retry-After: seconds}, as a sink asking the sender to come back later. */
        public static Answer retryAfter(int status, int seconds) {
            return new Answer(status, Map.of("Retry-After", Integer.toString(seconds)), Duration.ZERO);
        }

        /** 202 after {@code delay}: a slow sink. */
        public static Answer slow(Duration delay) {
            return new Answer(202, Map.of(), delay);
        }
    }

    /**
     * One delivery attempt.
     *
     * @param event the event as received
     * @param attempt 1 for the first attempt of this event's type and subject, 2 for the second, ...
     * @param status what the sink answered (or will answer, for a slow answer)
     * @param at when the sink decided its answer
     */
    public record Attempt(CloudEvent event, int attempt, int status, Instant at) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attemptsByEvent = new HashMap<>();
    private volatile BiFunction<CloudEvent, Integer, Answer> answer = (event, attempt) -> Answer.OK;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public LoopbackSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The sink's URL, for {@code K_SINK}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** From now on, answer with {@code answer(event, attempt number of this event's type and subject)}. */
    public void answer(BiFunction<CloudEvent, Integer, Answer> answer) {
        this.answer = Objects.requireNonNull(answer);
    }

    /** From now on, answer with {@code answer(event)}. */
    public void answer(Function<CloudEvent, Answer> answer) {
        Objects.requireNonNull(answer);
        this.answer = (event, attempt) -> answer.apply(event);
    }

    /** Deliveries from now on wait (at most 30 seconds) before they are answered or recorded, until {@link #release}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    /** Lets held deliveries through. */
    public void release() {
        hold.countDown();
    }

    /** Every attempt so far, in arrival order. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The events the sink accepted (2xx), in arrival order; an event delivered twice is here twice. */
    public List<CloudEvent> accepted() {
        return attempts.stream().filter(Attempt::accepted).map(Attempt::event).toList();
    }

    /**
     * The events the sink accepted, each once (by id), in order of first acceptance. SQS delivers at least once,
     * and moto's ReceiveMessage can hand one message to two concurrent long polls, so tests that count events count
     * these.
     */
    public List<CloudEvent> acceptedOnce() {
        Map<String, CloudEvent> byId = new LinkedHashMap<>();
        accepted().forEach(event -> byId.putIfAbsent(event.getId(), event));
        return List.copyOf(byId.values());
    }

    /** The ids of the accepted events, in arrival order. */
    public List<String> ids() {
        return accepted().stream().map(CloudEvent::getId).toList();
    }

    /** Every attempt for events with this subject. */
    public List<Attempt> attemptsFor(String subject) {
        return attempts.stream().filter(a -> subject.equals(a.event().getSubject())).toList();
    }

    /** Forgets every attempt so far (attempt numbering included). */
    public void clear() {
        synchronized (attemptsByEvent) {
            attempts.clear();
            attemptsByEvent.clear();
        }
    }

    /** Type and subject of each event, for comparing with what a test expects. */
    public static List<String> typesAndSubjects(List<CloudEvent> events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.getType() + " " + e.getSubject()));
        return out;
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
            if (!hold.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Answer reply;
            synchronized (attemptsByEvent) {
                int attempt = attemptsByEvent.merge(event.getType() + "|" + event.getSubject(), 1, Integer::sum);
                reply = answer.apply(event, attempt);
                // Recorded before a slow answer is sent, so that an answer still in progress does not hide it.
                attempts.add(new Attempt(event, attempt, reply.status(), Instant.now()));
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());  // simulating a slow sink, not synchronising
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
