package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.FieldSchema;
import io.triggermesh.aws.spi.api.ValidationRule;

/**
 * {@code spec.auth.credentials}: an access key pair, an optional session token (temporary credentials such as
 * {@code sts get-session-token} or IAM Roles Anywhere), and an optional role to assume with them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(rule = "!has(self.assumeIamRoleOptions) || has(self.assumeIamRole)",
        message = "assumeIamRoleOptions is set but assumeIamRole is not")
public record Credentials(
        @JsonPropertyDescription("Access key ID. Required.")
        @FieldSchema(required = true)
        ValueSource accessKeyID,
        @JsonPropertyDescription("Secret access key. Required.")
        @FieldSchema(required = true)
        ValueSource secretAccessKey,
        @JsonPropertyDescription("Session token of temporary credentials. Optional.")
        ValueSource sessionToken,
        @JsonPropertyDescription("ARN of an IAM role the connector assumes with these keys (cross-account access).")
        @FieldSchema(pattern = RoleArn.PATTERN)
        String assumeIamRole,
        @JsonPropertyDescription("ExternalId, session name and duration for assumeIamRole.")
        AssumeRoleOptions assumeIamRoleOptions) {

    public static Credentials keys(ValueSource accessKeyId, ValueSource secretAccessKey) {
        return new Credentials(accessKeyId, secretAccessKey, null, null, null);
    }

    public Credentials withSessionToken(ValueSource token) {
        return new Credentials(accessKeyID, secretAccessKey, token, assumeIamRole, assumeIamRoleOptions);
    }

    public Credentials withAssumeRole(String roleArn, AssumeRoleOptions options) {
        return new Credentials(accessKeyID, secretAccessKey, sessionToken, roleArn, options);
    }
}
