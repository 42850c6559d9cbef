package io.triggermesh.aws.s3.adapter.target;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonFormat;

/**
 * What is stored for one event: the whole event in the CloudEvents JSON format, or, with
 * {@code discardCloudEventContext}, only its data with the event's {@code datacontenttype}.
 *
 * @param bytes the object's content
 * @param contentType the object's Content-Type
 */
public record ObjectBody(byte[] bytes, String contentType) {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final JsonFormat FORMAT = new JsonFormat();

    /** The body for {@code event}. */
    public static ObjectBody of(CloudEvent event, boolean discardContext) {
        if (!discardContext) {
            return new ObjectBody(FORMAT.serialize(event), JsonFormat.CONTENT_TYPE);
        }
        CloudEventData data = event.getData();
        String type = event.getDataContentType() == null ? OCTET_STREAM : event.getDataContentType();
        return new ObjectBody(data == null ? new byte[0] : data.toBytes(), type);
    }
}
