package io.triggermesh.aws.spi.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Constraints of one spec field that the CRD generator cannot infer from the Java type, so that the API server
 * rejects bad input at admission. Optional: without it a field is typed from its Java type and described by its
 * {@code @JsonPropertyDescription}. Every attribute has a "not set" default.
 *
 * <p>On a {@code List} field, {@link #minItems()} and {@link #maxItems()} apply to the list and the other attributes
 * to its items; on a {@code Map} field they apply to its values. The controller's own validation stays the
 * authority (it explains problems better); the schema is a first line that must never reject what validation
 * accepts, so keep patterns as loose as the validation.
 *
 * <p>Patterns are evaluated by the API server with Go's RE2 syntax: no look-around and no back-references.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface FieldSchema {

    /** The field must be present. */
    boolean required() default false;

    /** A regular expression the (item) value must match. */
    String pattern() default "";

    /** The only values the (item) value may take. */
    String[] allowed() default {};

    /** An OpenAPI format; {@code password} marks secret material for tools that display objects. */
    String format() default "";

    /** Minimum length of a string (item) value; negative for none. */
    int minLength() default -1;

    /** Maximum length of a string (item) value; negative for none. */
    int maxLength() default -1;

    /** Minimum of an integer (item) value; {@link Long#MIN_VALUE} for none. */
    long minimum() default Long.MIN_VALUE;

    /** Maximum of an integer (item) value; {@link Long#MAX_VALUE} for none. */
    long maximum() default Long.MAX_VALUE;

    /** Minimum number of items of a list; negative for none. */
    int minItems() default -1;

    /** Maximum number of items of a list; negative for none. */
    int maxItems() default -1;

    /**
     * The (item) value may be an integer or a string, as Kubernetes quantities ({@code cpu: 1} or
     * {@code cpu: 500m}); the Java type should be {@code String}.
     */
    boolean intOrString() default false;
}
