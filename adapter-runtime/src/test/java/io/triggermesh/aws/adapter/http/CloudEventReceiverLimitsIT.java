package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the receiver allows a client: request deadlines, the shared body budget and the connection cap, each proven
 * against raw sockets that behave as a slow or hostile client would.
 */
class CloudEventReceiverLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Replies for events by id, completed by the test; unknown ids are accepted at once. */
    private final Map<String, CompletableFuture<TargetReply>> replies = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private CloudEventReceiver receiver;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        replies.values().forEach(r -> r.complete(TargetReply.accepted()));
        receiver.close();
    }

    private void start(UnaryOperator<CloudEventReceiver.Builder> settings) throws IOException {
        receiver = settings.apply(CloudEventReceiver.asyncBuilder((CloudEvent event) -> {
            received.add(event.getId());
            return replies.computeIfAbsent(event.getId(),
                    id -> CompletableFuture.completedFuture(TargetReply.accepted()));
        }).host("127.0.0.1").port(0)).start();
    }

    private Socket connect() throws IOException {
        Socket socket = RawHttp.connect(receiver.port());
        sockets.add(socket);
        return socket;
    }

    private static String head(String id, long contentLength) {
        return "POST / HTTP/1.1\r\nHost: x\r\nce-specversion: 1.0\r\nce-id: " + id + "\r\nce-type: t\r\n"
                + "ce-source: urn:s\r\nContent-Type: application/octet-stream\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void aHeadTrickledLineByLineIsCutOffWith408() throws Exception {
        start(b -> b.headerTimeout(Duration.ofSeconds(1)));
        Socket socket = connect();
        long started = System.nanoTime();
        send(socket, "POST / HTTP/1.1\r\n");
        AtomicBoolean answered = new AtomicBoolean();
        // The client's pace, not a wait for the server: one header line every 300 ms, for at most 9 s.
        CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
            try {
                for (int line = 0; line < 30 && !answered.get(); line++) {
                    Thread.sleep(300);
                    send(socket, "x-line-" + line + ": slow\r\n");
                }
            } catch (IOException | InterruptedException closed) {
                // the server cut the connection off
            }
        });

        RawHttp.Response answer = RawHttp.read(socket);
        answered.set(true);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(answer.code()).isEqualTo(408);
        assertThat(answer.body()).contains("\"code\":\"RequestTimeout\"", "head");
        assertThat(RawHttp.closedByServer(socket)).isTrue();
        trickle.get(15, TimeUnit.SECONDS);
        assertThat(received).isEmpty();
    }

    @Test
    void idleKeepAliveConnectionsOutliveTheHeaderTimeout() throws Exception {
        start(b -> b.headerTimeout(Duration.ofMillis(300)));
        Socket socket = connect();
        send(socket, RawHttp.event("first", "{}"));
        assertThat(RawHttp.read(socket).code()).isEqualTo(202);

        // Nothing arrives (no 408, no close) for several header timeouts while the connection is idle.
        socket.setSoTimeout(1500);
        assertThat(RawHttp.closedByServer(socket)).isFalse();

        socket.setSoTimeout(RawHttp.READ_TIMEOUT_MILLIS);
        send(socket, RawHttp.event("second", "{}"));
        assertThat(RawHttp.read(socket).code()).isEqualTo(202);
        assertThat(received).containsExactly("first", "second");
    }

    @Test
    void aBodyThatStallsIsCutOffWith408AndNeverReachesTheHandler() throws Exception {
        start(b -> b.bodyTimeout(Duration.ofSeconds(1)));
        Socket socket = connect();
        long started = System.nanoTime();
        send(socket, head("stalled", 100) + "{\"only\":");

        RawHttp.Response answer = RawHttp.read(socket);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(answer.code()).isEqualTo(408);
        assertThat(answer.body()).contains("\"code\":\"RequestTimeout\"", "body", "\"retryable\":true");
        assertThat(RawHttp.closedByServer(socket)).isTrue();
        assertThat(received).isEmpty();
        await().atMost(WAIT).until(() -> receiver.bodyBudget().used() == 0);
    }

    @Test
    void pastTheBudgetLargeRequestsGet503WithRetryAfterWhileSmallOnesStillPass() throws Exception {
        start(b -> b.maxBodyBytes(200_000).bodyBudgetBytes(400_000));
        Socket first = connect();
        Socket second = connect();
        send(first, head("large-1", 150_000));
        send(second, head("large-2", 150_000));
        await().atMost(WAIT).until(() -> receiver.bodyBudget().used() == 300_000);

        Socket third = connect();
        send(third, head("large-3", 150_000) + "x".repeat(1000));
        RawHttp.Response refused = RawHttp.read(third);
        assertThat(refused.code()).isEqualTo(503);
        assertThat(refused.hasHeader("Retry-After", "1")).isTrue();
        assertThat(refused.hasHeader("Content-Type", "application/json")).isTrue();
        assertThat(refused.body()).contains("\"code\":\"Overloaded\"", "\"retryable\":true");
        assertThat(RawHttp.closedByServer(third)).isTrue();

        Socket small = connect();
        send(small, RawHttp.event("small", "{}"));
        assertThat(RawHttp.read(small).code()).isEqualTo(202);
        assertThat(received).containsExactly("small");

        first.close();
        second.close();
        await().atMost(WAIT).until(() -> receiver.bodyBudget().used() == 0);
        assertThat(receiver.bodyBudget().peak()).isLessThanOrEqualTo(400_000);
    }

    @Test
    void aBodyStaysInTheBudgetUntilItsRequestIsAnswered() throws Exception {
        start(b -> b);
        CompletableFuture<TargetReply> reply = new CompletableFuture<>();
        replies.put("held", reply);
        String body = "{\"pad\":\"" + "x".repeat(990) + "\"}";
        Socket socket = connect();
        send(socket, RawHttp.event("held", body));
        await().atMost(WAIT).until(() -> received.contains("held"));

        assertThat(receiver.bodyBudget().used()).isEqualTo(body.length());
        reply.complete(TargetReply.accepted());

        assertThat(RawHttp.read(socket).code()).isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.bodyBudget().used() == 0);
    }

    @Test
    void connectionsPastTheCapGet503AndAreClosed() throws Exception {
        start(b -> b.maxConnections(2));
        Socket first = connect();
        Socket second = connect();
        for (Socket socket : List.of(first, second)) {
            send(socket, RawHttp.event("open", "{}"));
            assertThat(RawHttp.read(socket).code()).isEqualTo(202);
        }

        Socket third = connect();
        RawHttp.Response refused = RawHttp.read(third);
        assertThat(refused.code()).isEqualTo(503);
        assertThat(refused.hasHeader("Retry-After", "1")).isTrue();
        assertThat(refused.body()).contains("\"code\":\"TooManyConnections\"");
        assertThat(RawHttp.closedByServer(third)).isTrue();

        first.close();
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            try (Socket again = RawHttp.connect(receiver.port())) {
                send(again, RawHttp.event("again", "{}"));
                return RawHttp.read(again).code() == 202;
            }
        });
    }
}
