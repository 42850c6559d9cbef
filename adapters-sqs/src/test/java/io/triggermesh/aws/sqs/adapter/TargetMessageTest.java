package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TargetMessageTest {

    private static CloudEvent event(String id, String source, byte[] data) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withType("order.created")
                .withSource(URI.create(source));
        return data == null ? builder.build() : builder.withData("application/json", data).build();
    }

    @Test
    void theWholeEventIsSentAsJsonByDefault() throws Exception {
        TargetMessage message = TargetMessage.of(event("e1", "urn:shop", "{\"n\":1}".getBytes()), false, null);

        assertThat(message.body()).contains("\"specversion\":\"1.0\"", "\"id\":\"e1\"", "\"data\":{\"n\":1}");
        assertThat(message.bytes()).isEqualTo(message.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(message.groupId()).isNull();
        assertThat(message.deduplicationId()).isNull();
    }

    @Test
    void discardingTheContextSendsOnlyTheData() throws Exception {
        TargetMessage message = TargetMessage.of(event("e1", "urn:shop", "{\"n\":1}".getBytes()), true, null);

        assertThat(message.body()).isEqualTo("{\"n\":1}");
    }

    @Test
    void theDeduplicationIdIsTheSha256OfSourceNulIdSoIdsInFlightKeepMatchingAcrossVersions() throws Exception {
        TargetMessage message = TargetMessage.of(event("order-1", "/orders", "x".getBytes()), false, "orders");

        assertThat(message.deduplicationId())
                .isEqualTo("8d07f41582e184c26ac20deb626fd476063ffa61da91e3ef60c5637316f90532");
    }

    @Test
    void fifoDeduplicationIdsAreStableAndAlwaysFitSqsLimit() throws Exception {
        String longId = "i".repeat(500);
        String longSource = "urn:" + "s".repeat(500);
        TargetMessage first = TargetMessage.of(event(longId, longSource, "x".getBytes()), false, "orders");
        TargetMessage again = TargetMessage.of(event(longId, longSource, "x".getBytes()), false, "orders");
        TargetMessage other = TargetMessage.of(event("other", longSource, "x".getBytes()), false, "orders");

        assertThat(first.deduplicationId()).hasSizeLessThanOrEqualTo(128).matches("[0-9a-f]{64}")
                .isEqualTo(again.deduplicationId()).isNotEqualTo(other.deduplicationId());
        assertThat(first.groupId()).isEqualTo("orders");
    }

    @Test
    void dataThatCannotBeAnSqsMessageIsRefused() {
        assertThatThrownBy(() -> TargetMessage.of(event("e", "urn:s", null), true, null))
                .hasMessageContaining("no data");
        assertThatThrownBy(() -> TargetMessage.of(event("e", "urn:s", new byte[] {(byte) 0xC3, 0x28}), true, null))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> TargetMessage.of(event("e", "urn:s", new byte[] {0x01}), true, null))
                .hasMessageContaining("U+0001");
    }

    @Test
    void binaryDataTravelsBase64EncodedInsideTheEvent() throws Exception {
        TargetMessage message = TargetMessage.of(CloudEventBuilder.v1().withId("b").withType("t")
                .withSource(URI.create("urn:s")).withData("application/octet-stream", new byte[] {0, 1, 2}).build(),
                false, null);

        assertThat(message.body()).contains("\"data_base64\":\"AAEC\"");
    }

    @Test
    void textSqsAcceptsIsSentWithItsUtf8SizeAndOnlyCharactersSqsRefusesAreRefused() throws Exception {
        String text = "tab\there\r\nnew line, caf\u00e9, \u20ac, \ud83d\ude00, DEL \u007f";
        TargetMessage message = TargetMessage.of(event("e", "urn:s", text.getBytes(StandardCharsets.UTF_8)), true,
                null);

        assertThat(message.body()).isEqualTo(text);
        assertThat(message.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(TargetMessage.plainText("tab\there\r\n{}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(TargetMessage.plainText(text.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThatThrownBy(() -> TargetMessage.of(event("e", "urn:s", "a\ufffeb".getBytes(StandardCharsets.UTF_8)),
                true, null)).hasMessageContaining("U+FFFE");
        assertThatThrownBy(() -> TargetMessage.of(event("e", "urn:s", "a\u001fb".getBytes(StandardCharsets.UTF_8)),
                true, null)).hasMessageContaining("U+001F");
    }
}
