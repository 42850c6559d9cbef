package io.triggermesh.aws.adapter.http;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.http.impl.HttpMessageReader;
import io.cloudevents.rw.CloudEventRWException;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.triggermesh.aws.adapter.sink.HeaderValues;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The CloudEvent of a request, read by the CloudEvents SDK, ce-* values decoded, checked by {@link EventChecks}. */
final class RequestEvents {

    /**
     * Where every structured-mode content type starts ({@code application/cloudevents+json} and the other formats of
     * the specification, and the batch ones). The SDK looks any other content type up among the event formats too,
     * and the first lookup loads them all: the JSON format builds an {@code ObjectMapper}, a few hundred classes and
     * 1 MiB of memory an adapter that only gets binary-mode events never needs (docs/benchmarks.md, "Memory of an
     * adapter process"). A request whose content type cannot name a format therefore goes where the SDK would send it
     * after the lookup: to the SDK's binary reader, or, without {@code ce-specversion}, to its unknown-encoding error.
     */
    private static final String STRUCTURED_PREFIX = "application/cloudevents";
    private static final String CONTENT_TYPE = "content-type";
    private static final String SPEC_VERSION = "ce-specversion";

    private RequestEvents() {
    }

    /**
     * The request's event.
     *
     * @throws EventChecks.Invalid when the SDK takes it but a target must not
     * @throws RuntimeException when it is not a CloudEvent (the SDK's message says why)
     */
    static CloudEvent read(FullHttpRequest request) {
        byte[] body = ByteBufUtil.getBytes(request.content());
        // The SDK walks the headers twice (to find the mode, then to read the event): decoded once, here.
        HttpHeaders headers = request.headers();
        String[] names = new String[headers.size()];
        String[] values = new String[names.length];
        String contentType = null;
        String specVersion = null;
        int count = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
                it.hasNext() && count < names.length; count++) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            String name = header.getKey().toString();
            String value = HeaderValues.decodeCloudEventHeader(name, header.getValue().toString());
            names[count] = name;
            values[count] = value;
            // The SDK's choice of the mode: the last value of each, names in any case.
            if (CONTENT_TYPE.equalsIgnoreCase(name)) {
                contentType = value;
            } else if (SPEC_VERSION.equalsIgnoreCase(name)) {
                specVersion = value;
            }
        }
        int decoded = count;
        Consumer<BiConsumer<String, String>> forEachHeader = put -> {
            for (int i = 0; i < decoded; i++) {
                put.accept(names[i], values[i]);
            }
        };
        MessageReader reader;
        if (contentType != null && contentType.startsWith(STRUCTURED_PREFIX)) {
            reader = HttpMessageFactory.createReader(forEachHeader, body);
        } else if (specVersion != null) {
            reader = new HttpMessageReader(SpecVersion.parse(specVersion), forEachHeader, body);
        } else {
            throw CloudEventRWException.newUnknownEncodingException();
        }
        CloudEvent event = reader.toEvent();
        EventChecks.check(event);
        return event;
    }
}
