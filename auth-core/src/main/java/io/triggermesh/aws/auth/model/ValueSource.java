package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.ExactlyOneOf;
import io.triggermesh.aws.spi.api.FieldSchema;

/**
 * A credential value: either literal ({@code value}) or read from a Secret in the object's namespace
 * ({@code valueFromSecret}). Exactly one must be set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ExactlyOneOf(value = {"value", "valueFromSecret"}, message = "set exactly one of value or valueFromSecret")
public record ValueSource(
        @JsonPropertyDescription("Literal value. Prefer valueFromSecret: the controller moves literal values into a Secret it owns.")
        // No pattern: the API server would quote the rejected credential in its error message.
        @FieldSchema(format = "password", minLength = 1)
        String value,
        @JsonPropertyDescription("Reference to a key of a Secret in the object's namespace.")
        SecretKeyRef valueFromSecret) {

    public static ValueSource literal(String value) {
        return new ValueSource(value, null);
    }

    public static ValueSource fromSecret(String name, String key) {
        return new ValueSource(null, new SecretKeyRef(name, key));
    }

    // @JsonIgnore: without it Jackson writes these as "literal" and "secretRef" fields, which the API does not have.
    @JsonIgnore
    public boolean isLiteral() {
        return value != null && valueFromSecret == null;
    }

    @JsonIgnore
    public boolean isSecretRef() {
        return valueFromSecret != null && value == null;
    }

    @Override
    public String toString() {
        if (value != null) {
            return "ValueSource[value=***]";
        }
        return "ValueSource[valueFromSecret=" + valueFromSecret + "]";
    }
}
