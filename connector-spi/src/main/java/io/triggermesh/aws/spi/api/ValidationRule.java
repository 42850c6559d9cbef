package io.triggermesh.aws.spi.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a spec type: a CEL rule the API server evaluates with {@code self} bound to an object of this type (a
 * {@code x-kubernetes-validations} entry of the generated CRD), for constraints between fields that
 * {@link ExactlyOneOf} and {@link AtLeastOneOf} do not express, for example
 * {@code !has(self.assumeIamRoleOptions) || has(self.assumeIamRole)}. Keep rules cheap: the API server refuses
 * rules whose estimated cost is too high.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ValidationRule.List.class)
public @interface ValidationRule {

    /** The CEL expression; true means valid. */
    String rule();

    /** What the API server says when the rule is false. */
    String message();

    /** Holds repeated {@link ValidationRule}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ValidationRule[] value();
    }
}
