package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsMessageEventsTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";
    private final SqsMessageEvents events = new SqsMessageEvents(QUEUE);

    private static Message message(String body, Map<String, MessageAttributeValue> attributes) {
        return Message.builder().messageId("m-1").receiptHandle("secret-handle").body(body).md5OfBody("md5")
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "1793613600000",
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"))
                .messageAttributes(attributes).build();
    }

    private static JsonNode data(CloudEvent event) throws Exception {
        return new ObjectMapper().readTree(event.getData().toBytes());
    }

    @Test
    void oneMessageIsOneEventWithTheMessageIdAsIdAndTheQueueAsSource() {
        CloudEvent event = events.event(message("hello", Map.of()));

        assertThat(event.getId()).isEqualTo("m-1");
        assertThat(event.getType()).isEqualTo("com.amazon.sqs.message");
        assertThat(event.getSource()).hasToString(QUEUE);
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-02T10:00:00Z"));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
    }

    @Test
    void jsonBodiesAreInlinedAndOtherBodiesStayText() throws Exception {
        assertThat(data(events.event(message("{\"order\": 42}", Map.of()))).path("Body").path("order").asInt())
                .isEqualTo(42);
        assertThat(data(events.event(message("[1, 2]", Map.of()))).path("Body").isArray()).isTrue();
        assertThat(data(events.event(message("plain text", Map.of()))).path("Body").asText()).isEqualTo(
                "plain text");
        assertThat(data(events.event(message("42", Map.of()))).path("Body").isTextual()).isTrue();
        assertThat(data(events.event(message("{broken", Map.of()))).path("Body").asText()).isEqualTo("{broken");
    }

    @Test
    void theReceiptHandleIsNeverInTheEvent() throws Exception {
        JsonNode data = data(events.event(message("x", Map.of())));

        assertThat(data.toString()).doesNotContain("secret-handle");
        assertThat(data.path("MessageId").asText()).isEqualTo("m-1");
        assertThat(data.path("Attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
    }

    @Test
    void messageAttributesBecomeExtensionsWithValidNames() throws Exception {
        CloudEvent event = events.event(message("x", Map.of(
                "Trace-Id", MessageAttributeValue.builder().dataType("String").stringValue("abc").build(),
                "retries", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromUtf8String("bin")).build(),
                "type", MessageAttributeValue.builder().dataType("String").stringValue("clash").build(),
                "---", MessageAttributeValue.builder().dataType("String").stringValue("nothing").build())));

        assertThat(event.getExtensionNames()).containsExactlyInAnyOrder("traceid", "retries", "blob");
        assertThat(event.getExtension("traceid")).isEqualTo("abc");
        assertThat(event.getExtension("retries")).isEqualTo("3");
        assertThat(event.getType()).isEqualTo("com.amazon.sqs.message");
        assertThat(data(event).path("MessageAttributes").path("type").path("StringValue").asText())
                .isEqualTo("clash");
    }

    @Test
    void extensionNamesKeepOnlyLowercaseLettersAndDigits() {
        assertThat(ExtensionNames.of("My_Attr.2")).contains("myattr2");
        assertThat(ExtensionNames.of("ID")).isEmpty();
        assertThat(ExtensionNames.of("äö")).isEmpty();
    }
}
