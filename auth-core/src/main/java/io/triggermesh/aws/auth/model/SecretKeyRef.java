package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.Dns1123;
import io.triggermesh.aws.spi.api.FieldSchema;

/** A key of a Secret in the object's own namespace. */
public record SecretKeyRef(
        @JsonPropertyDescription("Name of the Secret, in the object's namespace.")
        @FieldSchema(required = true, pattern = Dns1123.SUBDOMAIN_PATTERN, maxLength = Dns1123.MAX_SUBDOMAIN_LENGTH)
        String name,
        @JsonPropertyDescription("Key inside the Secret's data.")
        @FieldSchema(required = true, pattern = SecretKeyRef.KEY_PATTERN, maxLength = 253)
        String key) {

    /** The characters of a Secret data key. */
    public static final String KEY_PATTERN = "^[-._a-zA-Z0-9]+$";
}
