package io.triggermesh.aws.adapter.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.polling.MessageEvents;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class S3EventNotificationsTest {

    // As moto delivers it: key form-encoded, eventTime without Z, no sequencer.
    static final String NOTIFICATION = """
            {"Records": [
              {"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
               "eventTime": "2026-11-02T10:00:00.000", "eventName": "ObjectCreated:Put",
               "s3": {"bucket": {"name": "uploads", "arn": "arn:aws:s3:::uploads"},
                      "object": {"key": "photos%2Fa+b%C3%A9.jpg", "size": 3, "eTag": "abc"}}},
              {"eventVersion": "2.1", "eventSource": "aws:s3", "eventTime": "2026-11-02T10:00:01Z",
               "eventName": "ObjectRemoved:Delete",
               "s3": {"bucket": {"name": "uploads"}, "object": {"key": "old.txt"}}}]}""";

    @Test
    void oneEventPerRecordWithTypeSourceSubjectAndTime() {
        MessageEvents events = S3EventNotifications.toEvents(NOTIFICATION, "aws");

        assertThat(events.events()).hasSize(2);
        CloudEvent created = events.events().get(0);
        assertThat(created.getType()).isEqualTo("com.amazon.s3.objectcreated");
        assertThat(created.getSource()).hasToString("arn:aws:s3:::uploads");
        assertThat(created.getSubject()).isEqualTo("photos/a bé.jpg");
        assertThat(created.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-02T10:00:00Z"));
        assertThat(created.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(created.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"eventName\"");
        assertThat(events.events().get(1).getType()).isEqualTo("com.amazon.s3.objectremoved");
    }

    @Test
    void idsAreTheSameWhenTheSameMessageIsDeliveredAgainAndDifferPerRecord() {
        MessageEvents first = S3EventNotifications.toEvents(NOTIFICATION, "aws");
        MessageEvents again = S3EventNotifications.toEvents(NOTIFICATION, "aws");

        assertThat(first.events()).extracting(CloudEvent::getId)
                .containsExactlyElementsOf(again.events().stream().map(CloudEvent::getId).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void theTestEventHasItsOwnType() {
        MessageEvents events = S3EventNotifications.toEvents("""
                {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-11-02T10:00:00.000Z",
                 "Bucket":"uploads","RequestId":"R1","HostId":"H1"}""", "aws-cn");

        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(S3EventNotifications.TEST_EVENT_TYPE);
            assertThat(e.getSource()).hasToString("arn:aws-cn:s3:::uploads");
        });
    }

    @Test
    void notificationsForwardedBySnsAreUnwrapped() {
        String sns = "{\"Type\":\"Notification\",\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:t\","
                + "\"Message\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(NOTIFICATION) + "}";

        assertThat(S3EventNotifications.toEvents(sns, "aws").events()).hasSize(2);
    }

    @Test
    void malformedBodiesAreFailuresNotExceptions() {
        assertThat(S3EventNotifications.toEvents("not json", "aws").failure()).get().asString()
                .contains("not JSON");
        assertThat(S3EventNotifications.toEvents("{\"Records\": 3}", "aws").isFailure()).isTrue();
        assertThat(S3EventNotifications.toEvents("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\"}]}", "aws")
                .failure()).get().asString().contains("s3.bucket.name");
        assertThat(S3EventNotifications.toEvents("[1,2]", "aws").isFailure()).isTrue();
    }

    @Test
    void eventTypesUseTheCategoryOfTheEventName() {
        assertThat(S3EventNotifications.eventType("s3:ObjectRestore:Completed")).isEqualTo(
                "com.amazon.s3.objectrestore");
        assertThat(S3EventNotifications.eventType("ReducedRedundancyLostObject")).isEqualTo(
                "com.amazon.s3.reducedredundancylostobject");
    }
}
