package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudEventReceiverIT {

    /** Bound of every request: the receiver answers or the test fails, never hangs. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<CloudEvent> handled = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile Optional<String> unhealthy = Optional.empty();
    private CloudEventReceiver receiver;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        receiver = CloudEventReceiver.builder(event -> {
            handled.add(event);
            if ("fail".equals(event.getSubject())) {
                return TargetReply.throttled(503, "Throttled", "slow down", Duration.ofSeconds(4));
            }
            if ("boom".equals(event.getSubject())) {
                throw new IllegalStateException("boom");
            }
            return TargetReply.result(CloudEventBuilder.v1().withId("r-" + event.getId()).withType("result")
                    .withSource(URI.create("urn:target")).withData("application/json",
                            "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)).build());
        }).host("127.0.0.1").port(0).maxBodyBytes(1000).health(() -> unhealthy).start();
        base = URI.create("http://127.0.0.1:" + receiver.port() + "/");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HttpResponse<String> post(HttpRequest.Builder request) throws Exception {
        return http.send(request.uri(base).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder binary(String id, String body) {
        return HttpRequest.newBuilder().header("ce-specversion", "1.0").header("ce-id", id)
                .header("ce-type", "order.created").header("ce-source", "urn:shop")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void binaryModeEventsAreHandledAndAnsweredWithTheResultEvent() throws Exception {
        HttpResponse<String> response = post(binary("e1", "{\"n\":1}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ce-id")).contains("r-e1");
        assertThat(response.headers().firstValue("ce-type")).contains("result");
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(handled).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("order.created");
            assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        });
    }

    @Test
    void structuredModeEventsAreHandled() throws Exception {
        HttpResponse<String> response = post(HttpRequest.newBuilder()
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"specversion":"1.0","id":"s1","type":"t","source":"urn:s","subject":"x",
                         "datacontenttype":"application/json","data":{"a":1}}""")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handled).singleElement().satisfies(e -> assertThat(e.getSubject()).isEqualTo("x"));
    }

    @Test
    void requestsThatAreNotCloudEventsGet400() throws Exception {
        HttpResponse<String> response = post(HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":1}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidCloudEvent", "\"retryable\":false");
        assertThat(handled).isEmpty();
    }

    @Test
    void eventsMissingRequiredAttributesGet400() throws Exception {
        HttpResponse<String> response = post(HttpRequest.newBuilder().header("ce-specversion", "1.0")
                .header("ce-id", "x").header("ce-type", "t").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("source");
        assertThat(handled).isEmpty();
    }

    @Test
    void oversizedBodiesGet413WithoutReachingTheHandler() throws Exception {
        HttpResponse<String> response = post(binary("big", "x".repeat(1001)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(handled).isEmpty();
    }

    @Test
    void failuresCarryStatusRetryAfterAndJson() throws Exception {
        HttpResponse<String> response = post(binary("f", "{}").header("ce-subject", "fail"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("4");
        assertThat(response.body()).contains("\"code\":\"Throttled\"", "\"retryable\":true");
    }

    @Test
    void handlerExceptionsBecome500() throws Exception {
        assertThat(post(binary("b", "{}").header("ce-subject", "boom")).statusCode()).isEqualTo(500);
    }

    @Test
    void healthReflectsTheCheck() throws Exception {
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(WAIT).GET().build();
        assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        unhealthy = Optional.of("queue not resolved");
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void healthSaysUpOrDownAndNothingMore() throws Exception {
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(WAIT).GET().build();
        HttpResponse<String> up = http.send(health, HttpResponse.BodyHandlers.ofString());
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(up.headers().firstValue("Content-Type")).contains("application/json");

        unhealthy = Optional.of("access denied for AKIAEXAMPLEKEY0000000: the request signature ...");
        HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}").doesNotContain("AKIA", "denied");
    }

    @Test
    void jsonDataThatIsNotJsonGets400NamingTheProblem() throws Exception {
        HttpResponse<String> response = post(binary("broken", "{not json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"InvalidJson\"", "not valid UTF-8 JSON",
                "application/json", "\"retryable\":false");
        assertThat(handled).isEmpty();
    }

    @Test
    void plusJsonDataWithTwoValuesGets400() throws Exception {
        HttpResponse<String> response = post(binary("two", "{} {}").header("Content-Type",
                "application/vnd.shop+json; charset=utf-8"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidJson", "more than one JSON value");
        assertThat(handled).isEmpty();
    }

    @Test
    void jsonDataThatIsNotUtf8Gets400() throws Exception {
        byte[] latin1 = "{\"name\":\"Jos\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = post(binary("latin1", "").POST(
                HttpRequest.BodyPublishers.ofByteArray(latin1)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidJson", "UTF-8");
        assertThat(handled).isEmpty();
    }

    @Test
    void nonJsonDataIsCarriedAsIs() throws Exception {
        byte[] bytes = {(byte) 0xff, 0, (byte) 0xfe};
        HttpResponse<String> response = post(binary("bytes", "").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handled).singleElement().satisfies(e -> assertThat(e.getData().toBytes()).isEqualTo(bytes));
    }

    @Test
    void anEmptyIdGets400() throws Exception {
        HttpResponse<String> response = post(binary("", "{}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidCloudEvent", "id is empty");
        assertThat(handled).isEmpty();
    }

    @Test
    void anEmptyTypeOrSourceGets400() throws Exception {
        HttpResponse<String> noType = post(binary("t", "{}").setHeader("ce-type", ""));
        HttpResponse<String> noSource = post(binary("s", "{}").setHeader("ce-source", ""));

        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(noType.body()).contains("type is empty");
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(noSource.body()).contains("source is empty");
        assertThat(handled).isEmpty();
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(base).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
}
