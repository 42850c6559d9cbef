package io.triggermesh.aws.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by resource hooks to tell the controller how to treat a failure. Other exceptions are treated as
 * {@link Kind#TRANSIENT}.
 */
public class AwsResourceException extends RuntimeException {

    /** How the controller reacts. */
    public enum Kind {
        /** Throttling, 5xx, network: retried with backoff. */
        TRANSIENT,
        /** Bad input or a missing resource the user owns: a condition, no retry until the object changes. */
        PERMANENT,
        /** Access denied: a condition naming {@link #missingAction()}; retried slowly, since IAM fixes are external. */
        ACCESS_DENIED
    }

    private final Kind kind;
    private final String missingAction;

    public AwsResourceException(Kind kind, String message, String missingAction, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.missingAction = missingAction;
    }

    public static AwsResourceException accessDenied(String action, String message, Throwable cause) {
        return new AwsResourceException(Kind.ACCESS_DENIED, message, action, cause);
    }

    public static AwsResourceException permanent(String message, Throwable cause) {
        return new AwsResourceException(Kind.PERMANENT, message, null, cause);
    }

    public static AwsResourceException transientFailure(String message, Throwable cause) {
        return new AwsResourceException(Kind.TRANSIENT, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The IAM action that was denied, such as {@code sqs:CreateQueue}, when known. */
    public Optional<String> missingAction() {
        return Optional.ofNullable(missingAction);
    }
}
