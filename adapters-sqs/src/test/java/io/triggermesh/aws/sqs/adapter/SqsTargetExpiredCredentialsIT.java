package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.adapter.ExpiredCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A target whose session token expires: AWS answers {@code ExpiredToken} (moto never expires tokens, so a tiny SQS
 * stand-in answers as AWS does), the adapter says so once, however many calls fail, and {@code /health} answers
 * 503 until AWS accepts the credentials again.
 */
class SqsTargetExpiredCredentialsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String ARN = "arn:aws:sqs:us-east-1:123456789012:orders";

    private final AtomicBoolean expired = new AtomicBoolean();
    private final List<String> sqsCalls = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(ExpiredCredentials.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private HttpServer sqs;
    private AdapterRuntime adapter;

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        if (adapter != null) {
            adapter.close();
        }
        if (sqs != null) {
            sqs.stop(0);
        }
    }

    @Test
    void anExpiredSessionTokenIsReportedOnceAndTurnsHealthDown() throws Exception {
        logger.addHandler(capture);
        sqs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sqs.createContext("/", exchange -> {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            exchange.getRequestBody().readAllBytes();
            sqsCalls.add(target);
            if (target.endsWith("GetQueueUrl")) {
                answer(exchange, 200, Map.of(), "{\"QueueUrl\":\"http://127.0.0.1:" + sqs.getAddress().getPort()
                        + "/123456789012/orders\"}");
            } else if (expired.get()) {
                // As SQS answers a request signed with an expired session token.
                answer(exchange, 400, Map.of("x-amzn-query-error", "ExpiredToken;Sender"),
                        "{\"__type\":\"com.amazon.coral.service#ExpiredTokenException\","
                                + "\"message\":\"The security token included in the request is expired\"}");
            } else {
                answer(exchange, 500, Map.of(), "{\"__type\":\"InternalError\",\"message\":\"unused\"}");
            }
        });
        sqs.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + sqs.getAddress().getPort());
        env.put("AWS_ACCESS_KEY_ID", "ASIAEXPIREDTESTKEY01");
        env.put("AWS_SECRET_ACCESS_KEY", "expired-test-secret-key");
        env.put("AWS_SESSION_TOKEN", "expired-test-session-token");
        env.put("NAME", "it");
        env.put("NAMESPACE", "adapters");
        env.put("ARN", ARN);
        env.put("PORT", Integer.toString(port));
        adapter = AdapterRuntime.start(env, new SqsTargetAdapter());
        URI target = URI.create("http://127.0.0.1:" + port + "/");
        await().atMost(TIMEOUT).until(() -> health(target) == 200);

        expired.set(true);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                    .header("ce-specversion", "1.0").header("ce-id", "e" + i).header("ce-type", "order.created")
                    .header("ce-source", "urn:shop").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isGreaterThanOrEqualTo(400);
        }

        assertThat(sqsCalls.stream().filter(c -> !c.endsWith("GetQueueUrl")).count()).as("calls: %s", sqsCalls)
                .isGreaterThanOrEqualTo(3);
        assertThat(health(target)).isEqualTo(503);
        assertThat(warnings).singleElement().asString().startsWith("WARNING").contains("ExpiredToken")
                .doesNotContain("expired-test-session-token").doesNotContain("ASIAEXPIREDTESTKEY01");
    }

    private int health(URI target) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(target.resolve("/health")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, Map<String, String> headers,
                               String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
