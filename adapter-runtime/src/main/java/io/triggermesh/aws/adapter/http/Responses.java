package io.triggermesh.aws.adapter.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.triggermesh.aws.adapter.sink.BinaryHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The HTTP answers of the receiver, built from {@link TargetReply} values. */
final class Responses {

    private Responses() {
    }

    /** 200 with the result event in binary mode ({@link BinaryHeaders}), or 202 without one. */
    static FullHttpResponse success(ByteBufAllocator alloc, TargetReply.Success success) {
        if (success.result().isEmpty()) {
            return response(HttpResponseStatus.ACCEPTED, new byte[0], alloc);
        }
        CloudEvent result = success.result().get();
        CloudEventData data = result.getData();
        byte[] body = data == null ? null : data.toBytes();
        FullHttpResponse response = response(HttpResponseStatus.OK, body == null ? new byte[0] : body, alloc);
        BinaryHeaders.write(result, response.headers()::set);
        return response;
    }

    /** The failure's status, {@code Retry-After} when given, and {@code {"code","message","retryable"}}. */
    static FullHttpResponse failure(ByteBufAllocator alloc, TargetReply.Failure failure) {
        byte[] bytes = failureJson(failure.code(), failure.message(), failure.retryable());
        FullHttpResponse response = response(HttpResponseStatus.valueOf(failure.status()), bytes, alloc);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        failure.retryAfter().ifPresent(d -> headers.set(HttpHeaderNames.RETRY_AFTER,
                Long.toString(Math.max(1, d.toSeconds()))));
        if (failure.status() == 405) {
            headers.set(HttpHeaderNames.ALLOW, "POST");
        }
        return response;
    }

    /**
     * {@code {"code":...,"message":...,"retryable":...}} in UTF-8, by Jackson's generator with its defaults: the bytes
     * an {@code ObjectMapper} writes, without loading jackson-databind, whose start-up alone (a few hundred classes,
     * and a date format that creates a Locale for every locale the JDK knows) was most of what an idle target
     * adapter's first request cost in memory (docs/benchmarks.md, "Memory of an adapter process").
     */
    private static byte[] failureJson(String code, String message, boolean retryable) {
        ByteArrayBuilder out = new ByteArrayBuilder(64 + message.length());
        try (JsonGenerator gen = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeStringField("code", code);
            gen.writeStringField("message", message);
            gen.writeBooleanField("retryable", retryable);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return out.toByteArray();
    }

    /**
     * {@code /health}: 200 {@code {"status":"UP"}} or 503 {@code {"status":"DOWN"}}, nothing more: anyone who reaches
     * the port may ask, so the reason stays in the adapter's log.
     */
    static FullHttpResponse health(ByteBufAllocator alloc, boolean up) {
        FullHttpResponse response = response(up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.US_ASCII), alloc);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        return response;
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, ByteBufAllocator alloc) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                body.length == 0 ? Unpooled.EMPTY_BUFFER : alloc.buffer(body.length).writeBytes(body));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
