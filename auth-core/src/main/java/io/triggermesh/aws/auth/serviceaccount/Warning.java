package io.triggermesh.aws.auth.serviceaccount;

import java.util.Objects;

/**
 * An outcome of a plan the user must hear about; the controller surfaces it as a condition reason and message and as
 * a Warning Event. The original controller ignored these situations silently.
 *
 * @param reason a CamelCase reason, one of the constants below
 * @param message what is wrong, with the ServiceAccount, the field and what to do
 */
public record Warning(String reason, String message) {

    /** A shared managed ServiceAccount's role annotation differs from this object's {@code roleArn}. */
    public static final String ROLE_ARN_CONFLICT = "RoleArnConflict";

    /** An unmanaged ServiceAccount's role annotation differs from (or lacks) this object's {@code roleArn}. */
    public static final String UNMANAGED_SERVICE_ACCOUNT_ROLE_MISMATCH = "UnmanagedServiceAccountRoleMismatch";

    /** No {@code roleArn} and the ServiceAccount carries no role annotation: AWS authentication will fail. */
    public static final String NO_ROLE_ARN = "NoRoleArn";

    public Warning {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
