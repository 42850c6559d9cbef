package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A key of a Secret in the object's own namespace. */
public record SecretKeyRef(
        @JsonPropertyDescription("Name of the Secret, in the object's namespace.")
        String name,
        @JsonPropertyDescription("Key inside the Secret's data.")
        String key) {
}
