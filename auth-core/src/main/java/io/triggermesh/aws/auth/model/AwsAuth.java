package io.triggermesh.aws.auth.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.api.ExactlyOneOf;

/**
 * {@code spec.auth}: exactly one of {@code credentials} (access keys) or {@code iam} (IAM Roles for Service
 * Accounts).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ExactlyOneOf(value = {"credentials", "iam"}, message = "set exactly one of credentials or iam")
public record AwsAuth(
        @JsonPropertyDescription("Access keys, optionally with a session token and a role to assume. Exactly one of credentials or iam.")
        Credentials credentials,
        @JsonPropertyDescription("IAM Roles for Service Accounts (EKS). Exactly one of credentials or iam.")
        Iam iam) {

    /** Which authentication mode the block selects. */
    public enum Mode { CREDENTIALS, IAM, INVALID }

    public Mode mode() {
        if (credentials != null && iam == null) {
            return Mode.CREDENTIALS;
        }
        if (iam != null && credentials == null) {
            return Mode.IAM;
        }
        return Mode.INVALID;
    }

    public static AwsAuth ofCredentials(Credentials credentials) {
        return new AwsAuth(credentials, null);
    }

    public static AwsAuth ofIam(Iam iam) {
        return new AwsAuth(null, iam);
    }
}
