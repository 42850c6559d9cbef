package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpResponse;
import io.triggermesh.aws.adapter.sink.HeaderValues;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    /** What the CloudEvents SDK's HTTP writer gives, ce-* values percent-encoded: the headers before this change. */
    private static List<Map.Entry<String, String>> sdkHeaders(CloudEvent event) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("content-length", "?"));
        HttpMessageFactory.createWriter((name, value) -> headers.add(Map.entry(name,
                name.regionMatches(true, 0, "ce-", 0, 3) ? HeaderValues.encode(value) : value)), body -> {
                }).writeBinary(event);
        return headers;
    }

    private static List<Map.Entry<String, String>> entries(FullHttpResponse response) {
        return response.headers().entries().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    @Test
    void theResultEventGoesOutWithTheHeadersAndBodyTheCloudEventsSdkWrites() {
        List<CloudEvent> results = List.of(
                CloudEventBuilder.v1().withId("m-1").withType("com.amazon.sqs.sendmessage.response")
                        .withSource(URI.create("arn:aws:sqs:us-east-1:123456789012:q")).withSubject("bench-1-7")
                        .withData("application/json", "{\"MessageId\":\"m-1\"}".getBytes(StandardCharsets.UTF_8))
                        .build(),
                CloudEventBuilder.v1().withId("caf\u00e9 %41 \"x\"").withType("t").withSource(URI.create("urn:s"))
                        .withSubject("line\u2028two").withTime(OffsetDateTime.parse("2024-05-06T07:08:09Z"))
                        .withDataSchema(URI.create("https://example.com/s")).withExtension("count", 3)
                        .withExtension("flag", false).withExtension("note", "n\u00f6te").build());

        for (CloudEvent result : results) {
            FullHttpResponse response = Responses.success(ByteBufAllocator.DEFAULT, TargetReply.result(result));
            try {
                List<Map.Entry<String, String>> expected = sdkHeaders(result);
                List<Map.Entry<String, String>> actual = entries(response);
                assertThat(actual).hasSameSizeAs(expected);
                assertThat(actual.subList(1, actual.size())).isEqualTo(expected.subList(1, expected.size()));
                byte[] body = result.getData() == null ? new byte[0] : result.getData().toBytes();
                assertThat(actual.get(0)).isEqualTo(Map.entry("content-length", Integer.toString(body.length)));
                assertThat(ByteBufUtil.getBytes(response.content())).isEqualTo(body);
                assertThat(response.status().code()).isEqualTo(200);
            } finally {
                response.release();
            }
        }
    }

    @Test
    void aSuccessWithoutResultIsAnEmpty202() {
        FullHttpResponse response = Responses.success(ByteBufAllocator.DEFAULT, TargetReply.accepted());
        try {
            assertThat(response.status().code()).isEqualTo(202);
            assertThat(entries(response)).containsExactly(Map.entry("content-length", "0"));
        } finally {
            response.release();
        }
    }

    @Test
    void theFailureBodyIsTheJsonAnObjectMapperWritesForTheSameFields() throws Exception {
        StringBuilder everyChar = new StringBuilder(); // controls, quotes, backslash, U+2028, lone surrogates, ...
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            everyChar.append(c);
        }
        List<TargetReply.Failure> failures = List.of(
                TargetReply.failure(400, "InvalidCloudEvent", "not a valid CloudEvent: x"),
                TargetReply.failure(502, "Quote\"d\\", "line\nbreak\ttab\u0000nul\u001f"
                        + " \u007f caf\u00e9 \u2028 \ud83d\ude00 </script> & 'single' /slash/"),
                TargetReply.throttled(503, "Throttled", "", Duration.ofSeconds(2)),
                TargetReply.failure(400, "a\ud800b\udc00", everyChar.toString()));
        ObjectMapper mapper = new ObjectMapper(); // what wrote these bodies before
        for (TargetReply.Failure failure : failures) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("code", failure.code());
            fields.put("message", failure.message());
            fields.put("retryable", failure.retryable());
            FullHttpResponse response = Responses.failure(ByteBufAllocator.DEFAULT, failure);
            try {
                assertThat(ByteBufUtil.getBytes(response.content())).isEqualTo(mapper.writeValueAsBytes(fields));
                assertThat(response.headers().get("content-type")).isEqualTo("application/json");
            } finally {
                response.release();
            }
        }
    }
}
