package io.triggermesh.aws.adapter.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link CloudEventSender} to {@code http:} sinks, whose POSTs {@link PlainHttpPoster} makes, against raw sockets. */
class PlainHttpSinkIT {

    private static final String ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";

    private static CloudEvent event(String id) {
        return CloudEventBuilder.v1().withId(id).withType("com.example").withSource(URI.create("urn:s"))
                .withData("application/json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void eventsShareOneKeepAliveConnectionAndCarryTheirHeaders() throws Exception {
        try (ScriptedSink sink = new ScriptedSink(i -> ScriptedSink.Reply.of(ACCEPTED));
             CloudEventSender sender = CloudEventSender.create(sink.uri("/in?k=v"), Duration.ofSeconds(5))) {
            for (int i = 0; i < 5; i++) {
                assertThat(sender.send(event("e" + i))).isInstanceOf(SinkResult.Accepted.class);
            }
            assertThat(sink.connections.get()).isEqualTo(1);
            String head = sink.heads.get(4);
            assertThat(head).startsWith("POST /in?k=v HTTP/1.1\r\n").contains("ce-id: e4\r\n")
                    .contains("Content-Length: 7\r\n").containsIgnoringCase("content-type: application/json");
        }
    }

    @Test
    void aChunkedRejectionKeepsItsDetailAndTheConnection() throws Exception {
        try (ScriptedSink sink = new ScriptedSink(i -> ScriptedSink.Reply.of(i == 0
                ? "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nbad \r\n5\r\nevent\r\n0\r\n"
                        + "Trailer: t\r\n\r\n"
                : ACCEPTED));
             CloudEventSender sender = CloudEventSender.create(sink.uri("/"), Duration.ofSeconds(5))) {
            assertThat(sender.send(event("a"))).isEqualTo(new SinkResult.Rejected(400, "bad event"));
            assertThat(sender.send(event("b"))).isInstanceOf(SinkResult.Accepted.class);
            assertThat(sink.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void informationalAnswersAreSkippedAndRetryAfterIsRead() throws Exception {
        try (ScriptedSink sink = new ScriptedSink(i -> ScriptedSink.Reply.of("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 4\r\n\r\nbusy"));
             CloudEventSender sender = CloudEventSender.create(sink.uri("/"), Duration.ofSeconds(5))) {
            assertThat(sender.send(event("a"))).isInstanceOfSatisfying(SinkResult.Retryable.class, r -> {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.detail()).isEqualTo("busy");
                assertThat(r.retryAfter()).contains(Duration.ofSeconds(7));
            });
        }
    }

    @Test
    void anAnswerWithoutALengthEndsWithItsConnection() throws Exception {
        try (ScriptedSink sink = new ScriptedSink(i -> new ScriptedSink.Reply("HTTP/1.0 200 OK\r\n\r\nok", true,
                false));
             CloudEventSender sender = CloudEventSender.create(sink.uri("/"), Duration.ofSeconds(5))) {
            assertThat(sender.send(event("a"))).isInstanceOf(SinkResult.Accepted.class);
            assertThat(sender.send(event("b"))).isInstanceOf(SinkResult.Accepted.class);
            assertThat(sink.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void anIdleConnectionTheSinkClosedIsReplacedWithoutFailingTheEvent() throws Exception {
        // The first answer keeps the connection open as far as the client knows, then the sink closes it.
        try (ScriptedSink sink = new ScriptedSink(i -> new ScriptedSink.Reply(ACCEPTED, i == 0, false));
             CloudEventSender sender = CloudEventSender.create(sink.uri("/"), Duration.ofSeconds(5))) {
            assertThat(sender.send(event("a"))).isInstanceOf(SinkResult.Accepted.class);
            assertThat(sink.closedOne.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sender.send(event("b"))).isInstanceOf(SinkResult.Accepted.class);
            assertThat(sink.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void closingTheSenderEndsADeliveryBlockedOnAHungSink() throws Exception {
        try (ScriptedSink sink = new ScriptedSink(i -> new ScriptedSink.Reply("", false, true))) {
            CloudEventSender sender = CloudEventSender.create(sink.uri("/"), Duration.ofSeconds(60));
            CompletableFuture<SinkResult> result = CompletableFuture.supplyAsync(() -> sender.send(event("a")));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.heads.size() == 1);
            sender.close();
            assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(SinkResult.Retryable.class);
        }
    }

    @Test
    void aSinkThatStopsReadingTimesTheRequestOut() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            // Accepts and never reads: the request cannot leave once the socket buffers are full.
            CompletableFuture<java.net.Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
            CloudEvent large = CloudEventBuilder.v1(event("big")).withData("application/octet-stream",
                    new byte[64 * 1024 * 1024]).build();
            try (CloudEventSender sender = CloudEventSender.create(uri, Duration.ofSeconds(1))) {
                CompletableFuture<SinkResult> result = CompletableFuture.supplyAsync(() -> sender.send(large));
                assertThat(result.get(15, TimeUnit.SECONDS)).isInstanceOfSatisfying(SinkResult.Retryable.class,
                        r -> assertThat(r.detail()).contains("no answer within"));
            } finally {
                accepted.get(10, TimeUnit.SECONDS).close();
            }
        }
    }

    @Test
    void aHeaderValueThatWouldSplitTheRequestIsRefused() {
        PlainHttpPoster poster = new PlainHttpPoster(URI.create("http://127.0.0.1:9/"), 1_000_000_000L);
        assertThatThrownBy(() -> poster.post(List.of("X-Evil", "a\r\nHost: b"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Evil");
        poster.close();
    }
}
