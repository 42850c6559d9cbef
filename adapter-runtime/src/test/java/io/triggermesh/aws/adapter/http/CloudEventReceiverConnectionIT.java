package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver's connection handling: keep-alive, pipelining, asynchronous handlers and stopping. */
class CloudEventReceiverConnectionIT {

    /** Replies for events by id, completed by the test; unknown ids are accepted at once. */
    private final Map<String, CompletableFuture<TargetReply>> replies = new ConcurrentHashMap<>();
    private CloudEventReceiver receiver;

    @AfterEach
    void stop() {
        replies.values().forEach(r -> r.complete(TargetReply.accepted()));
        receiver.close();
    }

    private void start(int maxBodyBytes) throws IOException {
        receiver = CloudEventReceiver.asyncBuilder((CloudEvent event) -> replies.computeIfAbsent(event.getId(),
                id -> CompletableFuture.completedFuture(TargetReply.accepted())))
                .host("127.0.0.1").port(0).maxBodyBytes(maxBodyBytes).start();
    }

    private static String request(String id, String body) {
        return "POST / HTTP/1.1\r\nHost: x\r\nce-specversion: 1.0\r\nce-id: " + id + "\r\nce-type: t\r\n"
                + "ce-source: urn:s\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Reads one response with a Content-Length; returns the status line and body. */
    private static String[] readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new String[] {headers.substring(0, headers.indexOf("\r\n")), new String(body, StandardCharsets.UTF_8),
            headers};
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenLaterOnesFinishFirst() throws Exception {
        start(1000);
        replies.put("slow", new CompletableFuture<>());
        try (Socket socket = new Socket("127.0.0.1", receiver.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((request("slow", "{}") + request("fast", "{}")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().until(() -> replies.containsKey("fast"));

            replies.get("slow").complete(TargetReply.failure(400, "Slow", "answered second, sent first"));

            InputStream in = socket.getInputStream();
            assertThat(readResponse(in)[0]).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(readResponse(in)[0]).isEqualTo("HTTP/1.1 202 Accepted");
        }
    }

    @Test
    void anOversizedBodyGets413AsJsonAndTheConnectionServesTheNextRequest() throws Exception {
        start(10);
        try (Socket socket = new Socket("127.0.0.1", receiver.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((request("big", "x".repeat(11)) + request("small", "{}")).getBytes(StandardCharsets.UTF_8));
            out.flush();

            InputStream in = socket.getInputStream();
            String[] tooLarge = readResponse(in);
            assertThat(tooLarge[0]).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
            assertThat(tooLarge[1]).contains("\"code\":\"PayloadTooLarge\"", "10 bytes");
            assertThat(readResponse(in)[0]).isEqualTo("HTTP/1.1 202 Accepted");
        }
        assertThat(replies).containsOnlyKeys("small");
    }

    @Test
    void connectionsAreKeptAliveUnlessTheClientAsksToClose() throws Exception {
        start(1000);
        try (Socket socket = new Socket("127.0.0.1", receiver.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(request("k" + i, "{}").getBytes(StandardCharsets.UTF_8));
                assertThat(readResponse(in)[0]).isEqualTo("HTTP/1.1 202 Accepted");
            }
            out.write(request("last", "{}").replace("Host: x\r\n", "Host: x\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(readResponse(in)[2]).containsIgnoringCase("connection: close");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void stoppingLetsRequestsInProgressFinishAndRefusesNewOnes() throws Exception {
        start(1000);
        replies.put("in-progress", new CompletableFuture<>());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + receiver.port() + "/");
        CompletableFuture<HttpResponse<String>> inProgress = http.sendAsync(HttpRequest.newBuilder(uri)
                .header("ce-specversion", "1.0").header("ce-id", "in-progress").header("ce-type", "t")
                .header("ce-source", "urn:s").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().until(() -> replies.containsKey("in-progress"));
        Socket idle = new Socket("127.0.0.1", receiver.port());

        CompletableFuture<Void> closing = CompletableFuture.runAsync(receiver::close);
        await().until(() -> !canConnect(receiver.port()));
        idle.getOutputStream().write(request("late", "{}").getBytes(StandardCharsets.UTF_8));
        assertThat(readResponse(idle.getInputStream())[0]).isEqualTo("HTTP/1.1 503 Service Unavailable");
        assertThat(closing).isNotDone();

        replies.get("in-progress").complete(TargetReply.accepted());

        assertThat(inProgress.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        closing.get(5, TimeUnit.SECONDS);
        idle.close();
    }

    @Test
    void manyConcurrentRequestsOnFewConnectionsAreAllAnswered() throws Exception {
        start(1000);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + receiver.port() + "/");
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(uri).header("ce-specversion", "1.0")
                    .header("ce-id", "c" + i).header("ce-type", "t").header("ce-source", "urn:s")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> response : all) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        }
    }

    private static boolean canConnect(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
