package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;

/** A key of a Secret in the object's own namespace. */
public record SecretKeyRef(
        @JsonPropertyDescription("Name of the Secret, in the object's namespace.")
        @FieldSchema(required = true, pattern = SecretKeyRef.DNS_SUBDOMAIN_PATTERN, maxLength = 253)
        String name,
        @JsonPropertyDescription("Key inside the Secret's data.")
        @FieldSchema(required = true, pattern = SecretKeyRef.KEY_PATTERN, maxLength = 253)
        String key) {

    /** A DNS-1123 subdomain, the form of Secret and ServiceAccount names (length checked separately). */
    public static final String DNS_SUBDOMAIN_PATTERN =
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    /** The characters of a Secret data key. */
    public static final String KEY_PATTERN = "^[-._a-zA-Z0-9]+$";
}
