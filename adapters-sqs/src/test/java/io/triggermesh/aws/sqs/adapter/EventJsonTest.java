package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final JsonFormat SDK = new JsonFormat();

    private static CloudEventBuilder base() {
        return CloudEventBuilder.v1().withId("e-1").withType("order.created").withSource(URI.create("urn:shop"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyEventIsWrittenByteForByteAsTheCloudEventsSdkWritesIt() {
        List<CloudEvent> events = List.of(
                base().build(),
                base().withData("application/json", utf8("{\"order\":{\"id\":\"A-1\",\"total\":42.5}}")).build(),
                base().withData("application/json", utf8(" [1, 2,\n 3] ")).build(),
                base().withData("text/json", utf8("\"text\"")).build(),
                base().withData("application/json; charset=utf-8", utf8("{}")).build(),
                base().withData("application/json;x=\"a\nb\"", utf8("{}")).build(),
                base().withData("Application/JSON", utf8("{}")).build(),
                base().withData("application/cloudevents+json", utf8("{}")).build(),
                base().withData("application/json", utf8("{\"caf\u00e9\":\"\u20ac \ud83d\ude00\"}")).build(),
                base().withData("application/json", new byte[] {'"', (byte) 0xC3, 0x28, '"'}).build(),
                base().withData("application/json", utf8("not json, sent as it came")).build(),
                base().withData(utf8("{\"no\":\"content type\"}")).build(),
                base().withData("text/plain", utf8("plain \"text\"")).build(),
                base().withData("application/octet-stream", new byte[] {0, 1, 2, (byte) 0xFF}).build(),
                base().withId("id with \"quotes\", \\, \u0001 and \u00e9").withSubject("s\u2028ubject")
                        .withDataSchema(URI.create("https://example.com/schema"))
                        .withTime(OffsetDateTime.parse("2024-05-06T07:08:09.123456789+02:00"))
                        .withExtension("count", 42).withExtension("flag", true)
                        .withExtension("link", URI.create("urn:link"))
                        .withExtension("stamp", OffsetDateTime.parse("2024-01-01T00:00:00Z"))
                        .withExtension("blob", new byte[] {1, 2, 3}).withExtension("text", "t\u00e9xt")
                        .withData("application/json", utf8("{\"a\":[true,null,1e3]}")).build());

        for (CloudEvent event : events) {
            assertThat(new String(EventJson.serialize(event), StandardCharsets.UTF_8))
                    .as("event with data type %s", event.getDataContentType())
                    .isEqualTo(new String(SDK.serialize(event), StandardCharsets.UTF_8));
            assertThat(EventJson.serialize(event)).isEqualTo(SDK.serialize(event));
        }
    }

    @Test
    void onlyContentTypesTheSdkTakesForJsonAreWrittenHere() {
        assertThat(EventJson.jsonType("application/json")).isTrue();
        assertThat(EventJson.jsonType("text/json")).isTrue();
        assertThat(EventJson.jsonType("application/json; charset=utf-8")).isTrue();
        assertThat(EventJson.jsonType("application/json;a=b;c")).isTrue();
        assertThat(EventJson.jsonType("application/json;x=\"a\nb\"")).isFalse();
        assertThat(EventJson.jsonType("Application/JSON")).isFalse();
        assertThat(EventJson.jsonType("application/jsonx")).isFalse();
        assertThat(EventJson.jsonType("application/json ")).isFalse();
        assertThat(EventJson.jsonType(null)).isFalse();
    }
}
