package io.triggermesh.aws.testkit.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared loopback sink reads CloudEvents as a compliant receiver does and answers as the test says. */
class LoopbackSinkTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBinaryModeEventIsRecordedWithItsPercentEncodedSubjectDecoded() throws Exception {
        try (LoopbackSink sink = new LoopbackSink()) {
            HttpResponse<Void> response = post(sink, "id-1", "a%20b.txt");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(sink.ids()).containsExactly("id-1");
            assertThat(LoopbackSink.typesAndSubjects(sink.accepted())).containsExactly("io.test.event a b.txt");
        }
    }

    @Test
    void theSinkAnswersAsTheTestSaysAndCountsAttempts() throws Exception {
        try (LoopbackSink sink = new LoopbackSink()) {
            sink.answer((event, attempt) -> attempt == 1 ? LoopbackSink.Answer.retryAfter(503, 7)
                    : LoopbackSink.Answer.OK);

            HttpResponse<Void> first = post(sink, "id-1", "s");
            HttpResponse<Void> second = post(sink, "id-1", "s");

            assertThat(first.statusCode()).isEqualTo(503);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(second.statusCode()).isEqualTo(202);
            assertThat(sink.attemptsFor("s")).extracting(LoopbackSink.Attempt::attempt).containsExactly(1, 2);
            assertThat(sink.acceptedOnce()).hasSize(1);
        }
    }

    @Test
    void aHeldDeliveryIsAnsweredOnlyAfterRelease() throws Exception {
        try (LoopbackSink sink = new LoopbackSink()) {
            sink.hold();
            CompletableFuture<HttpResponse<Void>> held = http.sendAsync(request(sink, "id-h", "s"),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(held).isNotCompleted();
            assertThat(sink.attempts()).isEmpty();
            sink.release();

            assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            assertThat(sink.ids()).containsExactly("id-h");
        }
    }

    @Test
    void somethingThatIsNoCloudEventGets400AndIsNotRecorded() throws Exception {
        try (LoopbackSink sink = new LoopbackSink()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(sink.uri()).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.discarding());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(sink.attempts()).isEmpty();
        }
    }

    private HttpResponse<Void> post(LoopbackSink sink, String id, String subject) throws Exception {
        return http.send(request(sink, id, subject), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest request(LoopbackSink sink, String id, String subject) {
        return HttpRequest.newBuilder(sink.uri()).timeout(Duration.ofSeconds(10))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", "io.test.event")
                .header("ce-source", "test").header("ce-subject", subject).header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("data")).build();
    }
}
