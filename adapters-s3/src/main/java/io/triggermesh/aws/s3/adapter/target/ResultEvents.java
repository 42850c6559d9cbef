package io.triggermesh.aws.s3.adapter.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.s3.AwsS3TargetKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The reply to a written event: type {@code io.triggermesh.targets.aws.s3.result}, source the bucket ARN as in the
 * spec, subject the key, JSON data {@code {"bucket", "key", "eTag", "versionId"?}}. Its id is derived from the
 * incoming event's source and id, so a redelivered event gets the same reply.
 */
final class ResultEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultEvents() {
    }

    static CloudEvent of(CloudEvent written, URI bucketSource, String bucket, String key, ObjectStore.Stored stored) {
        ObjectNode data = JSON.createObjectNode().put("bucket", bucket).put("key", key).put("eTag", stored.eTag());
        stored.versionId().ifPresent(version -> data.put("versionId", version));
        return CloudEventBuilder.v1()
                .withId(id(written))
                .withType(AwsS3TargetKind.RESULT_EVENT_TYPE)
                .withSource(bucketSource)
                .withSubject(key)
                .withData("application/json", data.toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static String id(CloudEvent written) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {"s3-target-result", written.getSource().toString(), written.getId()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
