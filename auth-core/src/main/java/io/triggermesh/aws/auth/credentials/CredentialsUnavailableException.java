package io.triggermesh.aws.auth.credentials;

import java.util.Objects;

/**
 * The object's credentials cannot be built from what exists now: a referenced Secret or key is missing, or the
 * object asks for an identity the controller may not use. The message names the Secret, key and field path, never
 * a value. Usually fixed by the user (create the Secret, set roleArn), so not worth a hot retry.
 */
public final class CredentialsUnavailableException extends RuntimeException {

    /** Why the credentials are unavailable. */
    public enum Reason {
        /** A Secret referenced by {@code valueFromSecret} does not exist, lacks the key, or the value is empty. */
        SECRET_KEY_MISSING,
        /** {@code iam} without {@code roleArn}, and the operator has not opted in to the controller's identity. */
        NO_OBJECT_IDENTITY
    }

    private final Reason reason;
    private final String fieldPath;

    public CredentialsUnavailableException(Reason reason, String fieldPath, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath");
    }

    public Reason reason() {
        return reason;
    }

    /** The field of the object the problem is about, e.g. {@code spec.auth.credentials.accessKeyID}. */
    public String fieldPath() {
        return fieldPath;
    }
}
