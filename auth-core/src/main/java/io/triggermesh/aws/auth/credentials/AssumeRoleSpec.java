package io.triggermesh.aws.auth.credentials;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.RoleArn;
import io.triggermesh.aws.auth.model.StsNames;
import java.util.Objects;

/**
 * One validated sts:AssumeRole call: role, optional ExternalId, session name, duration. {@code toString()} does
 * not print the ExternalId (not a secret to AWS, but often treated as one by the people who issue it).
 */
record AssumeRoleSpec(String roleArn, String externalId, String sessionName, int durationSeconds) {

    /** Names of the inputs, for error messages: environment variables on the adapter, field paths on the controller. */
    record Fields(String roleArn, String externalId, String sessionName, String durationSeconds) {
    }

    AssumeRoleSpec {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
    }

    /**
     * Validates the inputs and fills defaults.
     *
     * @throws IllegalArgumentException naming the offending input; values are echoed only for the role ARN and
     *     the duration, which are not sensitive
     */
    static AssumeRoleSpec of(String roleArn, String externalId, String sessionName, Integer durationSeconds,
            String defaultSessionName, Fields fields) {
        if (!RoleArn.isValid(roleArn)) {
            throw new IllegalArgumentException(fields.roleArn() + " is not an IAM role ARN (arn:aws:iam::<12 digits>"
                    + ":role/<name>): " + roleArn);
        }
        if (externalId != null && !StsNames.isExternalId(externalId)) {
            throw new IllegalArgumentException(fields.externalId()
                    + " must be " + StsNames.MIN_LENGTH + " to " + StsNames.MAX_EXTERNAL_ID_LENGTH + " characters of "
                    + StsNames.EXTERNAL_ID_CHARS_IN_WORDS);
        }
        String session = sessionName == null ? defaultSessionName : sessionName;
        if (!StsNames.isSessionName(session)) {
            throw new IllegalArgumentException(fields.sessionName()
                    + " must be " + StsNames.MIN_LENGTH + " to " + StsNames.MAX_SESSION_NAME_LENGTH + " characters of "
                    + StsNames.NAME_CHARS_IN_WORDS);
        }
        int duration = durationSeconds == null ? AssumeRoleOptions.DEFAULT_DURATION_SECONDS : durationSeconds;
        if (duration < AssumeRoleOptions.MIN_DURATION_SECONDS || duration > AssumeRoleOptions.MAX_DURATION_SECONDS) {
            throw new IllegalArgumentException(fields.durationSeconds() + " must be between "
                    + AssumeRoleOptions.MIN_DURATION_SECONDS + " and " + AssumeRoleOptions.MAX_DURATION_SECONDS
                    + " seconds, not " + duration);
        }
        return new AssumeRoleSpec(roleArn, externalId, session, duration);
    }

    /** For descriptions: the role, and whether an ExternalId is sent (never its value). */
    String describe() {
        return "assume role " + roleArn + (externalId == null ? "" : " with ExternalId");
    }

    @Override
    public String toString() {
        return "AssumeRoleSpec[roleArn=" + roleArn + ", externalId=" + (externalId == null ? "none" : "***")
                + ", sessionName=" + sessionName + ", durationSeconds=" + durationSeconds + "]";
    }
}
