package io.triggermesh.aws.spi.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a spec type: at least one of the named JSON fields must be set, as {@code spec.auth.iam} needs
 * {@code roleArn} or {@code serviceAccount}. The CRD generator turns it into an {@code anyOf} and a CEL rule with
 * {@link #message()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AtLeastOneOf {

    /** JSON names of the fields, at least two. */
    String[] value();

    /** What the API server says when the rule is broken; generated from the names when empty. */
    String message() default "";
}
