package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.polling.MessageEvents;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

class EventBridgeEventsTest {

    static final String EVENT = """
            {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "EC2 Instance State-change Notification",
             "source": "aws.ec2", "account": "111122223333", "time": "2026-11-02T10:00:00Z", "region": "us-west-1",
             "resources": ["arn:aws:ec2:us-west-1:111122223333:instance/i-1"],
             "detail": {"instance-id": "i-1", "state": "running"}}""";

    private static MessageEvents handle(String body) {
        return EventBridgeEvents.handle(Message.builder().messageId("sqs-id").body(body).build());
    }

    @Test
    void theEnvelopeBecomesTheContextAndTheDetailTheData() {
        CloudEvent event = handle(EVENT).events().get(0);

        assertThat(event.getId()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        assertThat(event.getType()).isEqualTo("com.amazon.events.event");
        assertThat(event.getSource()).hasToString("aws.ec2");
        assertThat(event.getSubject()).isEqualTo("EC2 Instance State-change Notification");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-02T10:00:00Z"));
        assertThat(event.getExtension("account")).isEqualTo("111122223333");
        assertThat(event.getExtension("region")).isEqualTo("us-west-1");
        assertThat(event.getExtension("resources")).isEqualTo("arn:aws:ec2:us-west-1:111122223333:instance/i-1");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"instance-id\":\"i-1\",\"state\":\"running\"}");
    }

    @Test
    void bodiesThatAreNotEventBridgeEventsAreFailures() {
        assertThat(handle("plain").failure()).get().asString().contains("not JSON");
        assertThat(handle("{\"id\": \"1\"}").failure()).get().asString().contains("source", "detail-type");
        assertThat(handle("[]").isFailure()).isTrue();
    }
}
