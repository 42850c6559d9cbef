package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver's connection handling: keep-alive, pipelining, asynchronous handlers and stopping. */
class CloudEventReceiverConnectionIT {

    /** Replies for events by id, completed by the test; unknown ids are accepted at once. */
    private final Map<String, CompletableFuture<TargetReply>> replies = new ConcurrentHashMap<>();
    /** The ids of the events the handler was given, in order. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private CloudEventReceiver receiver;

    @AfterEach
    void stop() {
        replies.values().forEach(r -> r.complete(TargetReply.accepted()));
        receiver.close();
    }

    private void start(int maxBodyBytes) throws IOException {
        receiver = CloudEventReceiver.asyncBuilder((CloudEvent event) -> {
            received.add(event.getId());
            return replies.computeIfAbsent(event.getId(),
                    id -> CompletableFuture.completedFuture(TargetReply.accepted()));
        })
                .host("127.0.0.1").port(0).maxBodyBytes(maxBodyBytes).start();
    }

    private static String request(String id, String body) {
        return RawHttp.event(id, body);
    }

    private static String[] readResponse(Socket socket) throws IOException {
        RawHttp.Response response = RawHttp.read(socket);
        return new String[] {response.status(), response.body(), response.headers()};
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenLaterOnesFinishFirst() throws Exception {
        start(1000);
        replies.put("slow", new CompletableFuture<>());
        try (Socket socket = RawHttp.connect(receiver.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((request("slow", "{}") + request("fast", "{}")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().atMost(WAIT).until(() -> received.contains("fast"));
            assertThat(received).containsExactly("slow", "fast");

            replies.get("slow").complete(TargetReply.failure(400, "Slow", "answered second, sent first"));

            assertThat(readResponse(socket)[0]).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(readResponse(socket)[0]).isEqualTo("HTTP/1.1 202 Accepted");
        }
    }

    @Test
    void anOversizedBodyGets413AsJsonAndTheConnectionServesTheNextRequest() throws Exception {
        start(10);
        try (Socket socket = RawHttp.connect(receiver.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((request("big", "x".repeat(11)) + request("small", "{}")).getBytes(StandardCharsets.UTF_8));
            out.flush();

            String[] tooLarge = readResponse(socket);
            assertThat(tooLarge[0]).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(tooLarge[1]).contains("\"code\":\"PayloadTooLarge\"", "10 bytes");
            assertThat(readResponse(socket)[0]).isEqualTo("HTTP/1.1 202 Accepted");
        }
        assertThat(received).containsExactly("small");
    }

    @Test
    void connectionsAreKeptAliveUnlessTheClientAsksToClose() throws Exception {
        start(1000);
        try (Socket socket = RawHttp.connect(receiver.port())) {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 3; i++) {
                out.write(request("k" + i, "{}").getBytes(StandardCharsets.UTF_8));
                assertThat(readResponse(socket)[0]).isEqualTo("HTTP/1.1 202 Accepted");
            }
            out.write(request("last", "{}").replace("Host: x\r\n", "Host: x\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(readResponse(socket)[2]).containsIgnoringCase("connection: close");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void stoppingLetsRequestsInProgressFinishAndRefusesNewOnes() throws Exception {
        start(1000);
        replies.put("in-progress", new CompletableFuture<>());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + receiver.port() + "/");
        CompletableFuture<HttpResponse<String>> inProgress = http.sendAsync(HttpRequest.newBuilder(uri).timeout(WAIT)
                .header("ce-specversion", "1.0").header("ce-id", "in-progress").header("ce-type", "t")
                .header("ce-source", "urn:s").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        // The handler has the request (the test only put its reply), so it is in progress when stopping starts.
        await().atMost(WAIT).until(() -> received.contains("in-progress"));
        try (Socket idle = RawHttp.connect(receiver.port())) {
            CompletableFuture<Void> closing = CompletableFuture.runAsync(receiver::close);
            await().atMost(WAIT).until(() -> !canConnect(receiver.port()));
            idle.getOutputStream().write(request("late", "{}").getBytes(StandardCharsets.UTF_8));
            assertThat(readResponse(idle)[0]).isEqualTo("HTTP/1.1 503 Service Unavailable");
            assertThat(closing).isNotDone();
            assertThat(inProgress).isNotDone();

            replies.get("in-progress").complete(TargetReply.accepted());

            assertThat(inProgress.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            closing.get(CloudEventReceiver.DRAIN.toSeconds() + 5, TimeUnit.SECONDS);
        }
        assertThat(received).containsExactly("in-progress");
    }

    @Test
    void manyConcurrentRequestsOnFewConnectionsAreAllAnswered() throws Exception {
        start(1000);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + receiver.port() + "/");
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(WAIT).header("ce-specversion", "1.0")
                    .header("ce-id", "c" + i).header("ce-type", "t").header("ce-source", "urn:s")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> response : all) {
            assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
        assertThat(received).hasSize(500).doesNotHaveDuplicates();
    }

    private static boolean canConnect(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
