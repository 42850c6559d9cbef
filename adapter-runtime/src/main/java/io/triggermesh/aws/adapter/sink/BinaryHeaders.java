package io.triggermesh.aws.adapter.sink;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.rw.CloudEventContextWriter;
import java.util.function.BiConsumer;

/**
 * The HTTP headers of a CloudEvent in binary mode, as the CloudEvents SDK's HTTP writer gives them, name for name and
 * in its order: {@code ce-specversion}, a {@code ce-} header per attribute and extension, {@code Content-Type} for
 * {@code datacontenttype}. {@code ce-} values are percent-encoded ({@link HeaderValues}). Written straight to the
 * caller, without the SDK writer's objects: the source's sender and the target's reply both run this for every event.
 */
public final class BinaryHeaders {

    private static final String DATACONTENTTYPE = "datacontenttype";
    // Spelled as the SDK writes it: header names go out as given.
    private static final String CONTENT_TYPE = "Content-Type";

    private BinaryHeaders() {
    }

    /** Hands each header of {@code event} to {@code header}, as (name, value). */
    public static void write(CloudEvent event, BiConsumer<String, String> header) {
        header.accept("ce-specversion", HeaderValues.encode(event.getSpecVersion().toString()));
        CloudEventUtils.toContextReader(event).readContext(new CloudEventContextWriter() {
            @Override
            public CloudEventContextWriter withContextAttribute(String name, String value) {
                if (name.equals(DATACONTENTTYPE)) {
                    header.accept(CONTENT_TYPE, value);
                } else {
                    header.accept("ce-" + name, HeaderValues.encode(value));
                }
                return this;
            }
        });
    }
}
