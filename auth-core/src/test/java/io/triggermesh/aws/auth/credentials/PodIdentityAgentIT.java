package io.triggermesh.aws.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asking an agent on a real loopback socket: what each of its answers becomes, and that no wait is unbounded. */
class PodIdentityAgentIT {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLXBhcnQ";

    private HttpServer server;
    private final AtomicReference<String> presented = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aSessionIsReadFromTheAgentsJsonWithTheTokenInAuthorization() {
        URI uri = serve(200, """
                {"AccessKeyId":"ASIAEXAMPLEEXAMPLE12","SecretAccessKey":"secret-value-1234567890",
                 "Token":"session-token-value-1234567890","AccountId":"123456789012",
                 "Expiration":"2030-01-01T00:00:00Z"}""");

        PodIdentityAgent.Session session = new PodIdentityAgent(uri).session(TOKEN);

        assertThat(presented.get()).isEqualTo(TOKEN);
        assertThat(session.accessKeyId()).isEqualTo("ASIAEXAMPLEEXAMPLE12");
        assertThat(session.sessionToken()).isEqualTo("session-token-value-1234567890");
        assertThat(session.expiration()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(session.toString()).doesNotContain("ASIA", "secret-value", "session-token-value");
    }

    @Test
    void aRefusalIsRefusedWithTheAgentsMessageButNeverTheToken() {
        URI uri = serve(404, "(ResourceNotFoundException): no association for token " + TOKEN);

        assertThatThrownBy(() -> new PodIdentityAgent(uri).session(TOKEN))
                .isInstanceOfSatisfying(PodIdentityAgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PodIdentityAgentException.Kind.REFUSED);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.detail()).contains("ResourceNotFoundException").doesNotContain(TOKEN);
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                });
    }

    @Test
    void serverErrorsAndThrottlingAreFailuresThatMayPass() {
        assertThatThrownBy(() -> new PodIdentityAgent(serve(500, "EKS Auth unavailable")).session(TOKEN))
                .isInstanceOfSatisfying(PodIdentityAgentException.class,
                        e -> assertThat(e.kind()).isEqualTo(PodIdentityAgentException.Kind.FAILED));
        server.stop(0);
        assertThatThrownBy(() -> new PodIdentityAgent(serve(429, "slow down")).session(TOKEN))
                .isInstanceOfSatisfying(PodIdentityAgentException.class,
                        e -> assertThat(e.kind()).isEqualTo(PodIdentityAgentException.Kind.FAILED));
    }

    @Test
    void aReplyWithoutCredentialsIsAFailureThatDoesNotQuoteIt() {
        URI uri = serve(200, "{\"AccessKeyId\":\"ASIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"half-there-secret\"}");

        assertThatThrownBy(() -> new PodIdentityAgent(uri).session(TOKEN))
                .isInstanceOfSatisfying(PodIdentityAgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PodIdentityAgentException.Kind.FAILED);
                    assertThat(e.getMessage()).doesNotContain("half-there-secret", "ASIAEXAMPLE");
                });
    }

    @Test
    void nothingListeningIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/credentials");

        assertThatThrownBy(() -> new PodIdentityAgent(uri).session(TOKEN))
                .isInstanceOfSatisfying(PodIdentityAgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PodIdentityAgentException.Kind.UNREACHABLE);
                    assertThat(e.uri()).isEqualTo(uri);
                });
    }

    @Test
    void anAgentThatNeverAnswersIsUnreachableAfterTheReadTimeout() {
        URI uri = serveNothing();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new PodIdentityAgent(uri, Duration.ofSeconds(1), Duration.ofMillis(500))
                .session(TOKEN))
                .isInstanceOfSatisfying(PodIdentityAgentException.class,
                        e -> assertThat(e.kind()).isEqualTo(PodIdentityAgentException.Kind.UNREACHABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private URI serve(int status, String body) {
        return start(exchange -> {
            presented.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private URI serveNothing() {
        return start(exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
    }

    private URI start(com.sun.net.httpserver.HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/credentials", handler);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/credentials");
    }
}
