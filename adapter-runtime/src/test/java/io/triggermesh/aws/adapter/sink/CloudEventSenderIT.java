package io.triggermesh.aws.adapter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudEventSenderIT {

    private HttpServer server;
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private volatile byte[] lastBody;
    private volatile int status = 202;
    private volatile String retryAfter;
    private final CountDownLatch release = new CountDownLatch(1);
    private URI sink;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), v.get(0)));
                lastBody = exchange.getRequestBody().readAllBytes();
                if ("/slow".equals(exchange.getRequestURI().getPath())) {
                    // Bounded: the test releases it, or its end does; never a server thread stuck forever.
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                }
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                byte[] body = "nope".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        sink = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private static CloudEvent event() {
        return CloudEventBuilder.v1().withId("id-1").withType("com.example").withSource(URI.create("urn:s"))
                .withSubject("sub").withExtension("traceid", "t1")
                .withData("application/json", "{\"x\":1}".getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void eventsArePostedInBinaryMode() {
        try (CloudEventSender sender = CloudEventSender.create(sink, Duration.ofSeconds(5))) {
            assertThat(sender.send(event())).isEqualTo(new SinkResult.Accepted(202));
        }
        assertThat(lastHeaders).containsEntry("ce-id", "id-1").containsEntry("ce-type", "com.example")
                .containsEntry("ce-source", "urn:s").containsEntry("ce-subject", "sub")
                .containsEntry("ce-traceid", "t1").containsEntry("ce-specversion", "1.0")
                .containsEntry("content-type", "application/json");
        assertThat(new String(lastBody, StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
    }

    @Test
    void badRequestIsARejection() {
        status = 400;
        try (CloudEventSender sender = CloudEventSender.create(sink, Duration.ofSeconds(5))) {
            assertThat(sender.send(event())).isEqualTo(new SinkResult.Rejected(400, "nope"));
        }
    }

    @Test
    void unavailableWithRetryAfterIsRetryableWithTheDelay() {
        status = 503;
        retryAfter = "12";
        try (CloudEventSender sender = CloudEventSender.create(sink, Duration.ofSeconds(5))) {
            assertThat(sender.send(event())).isEqualTo(new SinkResult.Retryable(503, "nope",
                    java.util.Optional.of(Duration.ofSeconds(12))));
        }
    }

    @Test
    void timeoutsAndUnreachableSinksAreRetryable() {
        try (CloudEventSender slow = CloudEventSender.create(sink.resolve("/slow"), Duration.ofMillis(300))) {
            assertThat(slow.send(event())).isInstanceOfSatisfying(SinkResult.Retryable.class,
                    r -> assertThat(r.status()).isZero());
        }
        server.stop(0);
        try (CloudEventSender gone = CloudEventSender.create(sink, Duration.ofSeconds(2))) {
            assertThat(gone.send(event())).isInstanceOf(SinkResult.Retryable.class);
        }
    }

    @Test
    void userInfoOfTheSinkIsNeverDescribed() {
        try (CloudEventSender sender = CloudEventSender.create(URI.create("http://u:pw1234@h/"), Duration.ofSeconds(1))) {
            assertThat(sender.describeSink()).doesNotContain("pw1234");
            assertThat(sender.toString()).doesNotContain("pw1234");
        }
    }

    @Test
    void aTokenInTheSinksQueryIsNeverDescribed() {
        try (CloudEventSender sender = CloudEventSender.create(URI.create("https://hooks.example.com/in?token=t0k3n"),
                Duration.ofSeconds(1))) {
            assertThat(sender.describeSink()).isEqualTo("https://hooks.example.com/in?***");
            assertThat(sender.toString()).doesNotContain("t0k3n");
        }
    }
}
