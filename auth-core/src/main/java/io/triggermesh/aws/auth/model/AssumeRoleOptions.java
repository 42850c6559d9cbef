package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;

/**
 * Optional settings for {@code assumeIamRole} (an extension of the original API). All fields are optional.
 *
 * @param externalId the ExternalId the role's trust policy requires (2–1224 characters of {@code [\w+=,.@:/-]})
 * @param sessionName the role session name, visible in CloudTrail (2–64 characters of {@code [\w+=,.@-]});
 *     default {@code triggermesh-<namespace>-<name>}, truncated
 * @param durationSeconds session duration, 900–43200 seconds; default 3600
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssumeRoleOptions(
        @JsonPropertyDescription("ExternalId required by the role's trust policy.")
        @FieldSchema(pattern = StsNames.EXTERNAL_ID_PATTERN)
        String externalId,
        @JsonPropertyDescription("Role session name shown in CloudTrail; default triggermesh-<namespace>-<name>.")
        @FieldSchema(pattern = StsNames.SESSION_NAME_PATTERN)
        String sessionName,
        @JsonPropertyDescription("Session duration in seconds, 900 to 43200; default 3600.")
        @FieldSchema(minimum = AssumeRoleOptions.MIN_DURATION_SECONDS, maximum = AssumeRoleOptions.MAX_DURATION_SECONDS)
        Integer durationSeconds) {

    public static final int DEFAULT_DURATION_SECONDS = 3600;
    public static final int MIN_DURATION_SECONDS = 900;
    public static final int MAX_DURATION_SECONDS = 43200;

    public static AssumeRoleOptions none() {
        return new AssumeRoleOptions(null, null, null);
    }
}
