package io.triggermesh.aws.auth.credentials;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who AWS says a chain acts as, from {@code sts:GetCallerIdentity}.
 *
 * @param arn the caller's ARN, such as {@code arn:aws:sts::210987654321:assumed-role/xacct-role/triggermesh-default-orders}
 * @param account the caller's 12-digit account
 * @param expiresAt when the chain's current credentials expire, when they are an STS session that says so
 *     (assumed roles, web identity); empty for long-lived keys and for session tokens handed in from outside,
 *     whose expiry AWS does not tell
 */
public record CallerIdentity(String arn, String account, Optional<Instant> expiresAt) {

    public CallerIdentity {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
