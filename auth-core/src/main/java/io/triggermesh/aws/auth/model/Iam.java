package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.AtLeastOneOf;
import io.triggermesh.aws.spi.api.Dns1123;
import io.triggermesh.aws.spi.api.FieldSchema;
import io.triggermesh.aws.spi.api.ValidationRule;

/**
 * {@code spec.auth.iam}: IAM Roles for Service Accounts. At least one of {@code roleArn} and {@code serviceAccount}.
 * The controller gives the adapter a ServiceAccount (created when needed) annotated with the role, and the EKS
 * webhook injects the web identity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@AtLeastOneOf(value = {"roleArn", "serviceAccount"}, message = "set roleArn, serviceAccount or both")
@ValidationRule(rule = "!has(self.assumeIamRoleOptions) || has(self.assumeIamRole)",
        message = "assumeIamRoleOptions is set but assumeIamRole is not")
public record Iam(
        @JsonPropertyDescription("ARN of the IAM role the ServiceAccount is annotated with (eks.amazonaws.com/role-arn).")
        @FieldSchema(pattern = RoleArn.PATTERN)
        String roleArn,
        @JsonPropertyDescription("Name of the ServiceAccount the adapter runs as; default <lowercase kind>-i-<name>.")
        @FieldSchema(pattern = Dns1123.SUBDOMAIN_PATTERN, maxLength = Dns1123.MAX_SUBDOMAIN_LENGTH)
        String serviceAccount,
        @JsonPropertyDescription("ARN of a further role to assume with the web identity (for example in another account).")
        @FieldSchema(pattern = RoleArn.PATTERN)
        String assumeIamRole,
        @JsonPropertyDescription("ExternalId, session name and duration for assumeIamRole.")
        AssumeRoleOptions assumeIamRoleOptions) {

    public static Iam role(String roleArn) {
        return new Iam(roleArn, null, null, null);
    }

    public static Iam of(String roleArn, String serviceAccount) {
        return new Iam(roleArn, serviceAccount, null, null);
    }

    public Iam withAssumeRole(String roleArn, AssumeRoleOptions options) {
        return new Iam(this.roleArn, serviceAccount, roleArn, options);
    }
}
