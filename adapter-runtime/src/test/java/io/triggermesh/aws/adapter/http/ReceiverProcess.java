package io.triggermesh.aws.adapter.http;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A receiver in a JVM of its own, for tests that look at the whole process (the classes it loads): prints
 * {@code port N} once listening, answers each event by its type ({@code result}: a result event, {@code fail}: a 502,
 * else 202) and stops when its standard input ends.
 */
final class ReceiverProcess {

    private ReceiverProcess() {
    }

    public static void main(String[] args) throws IOException {
        try (CloudEventReceiver receiver = CloudEventReceiver.asyncBuilder(ReceiverProcess::reply).host("127.0.0.1")
                .port(0).start()) {
            System.out.println("port " + receiver.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }

    private static CompletionStage<TargetReply> reply(CloudEvent event) {
        return CompletableFuture.completedFuture(switch (event.getType()) {
            case "result" -> TargetReply.result(CloudEventBuilder.v1().withId("r-" + event.getId()).withType("t.result")
                    .withSource(URI.create("urn:receiver")).withData("application/json",
                            "{\"MessageId\":\"m-1\"}".getBytes(StandardCharsets.UTF_8)).build());
            case "fail" -> TargetReply.failure(502, "Upstream", "the \"upstream\" said no\n");
            default -> TargetReply.accepted();
        });
    }
}
