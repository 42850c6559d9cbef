package io.triggermesh.aws.spi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to an Addressable Kubernetes object (a Broker, a Service, a Knative Service...) whose address receives
 * a source's events.
 *
 * @param apiVersion for example {@code eventing.knative.dev/v1}
 * @param kind for example {@code Broker}
 * @param name the object's name
 * @param namespace the object's namespace; the source's own namespace when omitted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SinkRef(
        @JsonPropertyDescription("API version of the referenced object, for example eventing.knative.dev/v1.")
        @FieldSchema(required = true, minLength = 1)
        String apiVersion,
        @JsonPropertyDescription("Kind of the referenced object, for example Broker.")
        @FieldSchema(required = true, minLength = 1)
        String kind,
        @JsonPropertyDescription("Name of the referenced object.")
        @FieldSchema(required = true, minLength = 1)
        String name,
        @JsonPropertyDescription("Namespace of the referenced object; defaults to the source's namespace.")
        String namespace) {

    public static SinkRef of(String apiVersion, String kind, String name) {
        return new SinkRef(apiVersion, kind, name, null);
    }
}
