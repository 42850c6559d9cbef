package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.events.S3EventNotifications;
import io.triggermesh.aws.sqs.AwsSqsSourceKind;
import io.triggermesh.aws.sqs.api.MessageProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** Each message processor emits only the event types the AWSSQSSource declares for it. */
class ProcessorEventTypesTest {

    private static final String S3_NOTIFICATION = """
            {"Records": [
              {"eventName": "ObjectCreated:Put", "eventTime": "2026-11-02T10:00:00.000Z",
               "s3": {"bucket": {"name": "b", "arn": "arn:aws:s3:::b"}, "object": {"key": "k", "sequencer": "1"}}},
              {"eventName": "ObjectRemoved:DeleteMarkerCreated", "eventTime": "2026-11-02T10:00:01.000Z",
               "s3": {"bucket": {"name": "b", "arn": "arn:aws:s3:::b"}, "object": {"key": "k", "sequencer": "2"}}},
              {"eventName": "LifecycleTransition", "eventTime": "2026-11-02T10:00:02.000Z",
               "s3": {"bucket": {"name": "b", "arn": "arn:aws:s3:::b"}, "object": {"key": "k", "sequencer": "3"}}}
            ]}""";
    private static final String S3_TEST_EVENT = """
            {"Service": "Amazon S3", "Event": "s3:TestEvent", "Time": "2026-11-02T10:00:00.000Z", "Bucket": "b",
             "RequestId": "r", "HostId": "h"}""";

    private static Message message(String body) {
        return Message.builder().messageId("m-1").body(body).build();
    }

    @Test
    void theDefaultProcessorEmitsSqsMessages() {
        CloudEvent event = new SqsMessageEvents("arn:aws:sqs:us-east-1:123456789012:q").event(message("hello"));

        assertThat(AwsSqsSourceKind.eventTypes(MessageProcessor.DEFAULT)).containsExactly(event.getType());
    }

    @Test
    void theS3ProcessorEmitsOnlyDeclaredS3Types() {
        List<CloudEvent> events = S3EventNotifications.toEvents(S3_NOTIFICATION, "aws").events();
        List<CloudEvent> test = S3EventNotifications.toEvents(S3_TEST_EVENT, "aws").events();

        assertThat(events).hasSize(3);
        assertThat(AwsSqsSourceKind.eventTypes(MessageProcessor.S3))
                .containsAll(events.stream().map(CloudEvent::getType).toList())
                .contains(test.get(0).getType());
    }

    @Test
    void theEventBridgeProcessorEmitsUnwrappedEvents() {
        CloudEvent event = EventBridgeEvents.handle(message(EventBridgeEventsTest.EVENT)).events().get(0);

        assertThat(AwsSqsSourceKind.eventTypes(MessageProcessor.EVENTBRIDGE)).containsExactly(event.getType());
    }
}
