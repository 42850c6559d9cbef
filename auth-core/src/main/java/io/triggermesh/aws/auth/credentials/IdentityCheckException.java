package io.triggermesh.aws.auth.credentials;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link ObjectCredentials#callerIdentity} failed. {@link #step()} says whether building the chain's credentials
 * failed (one of its STS hops: AssumeRoleWithWebIdentity or AssumeRole, refused or unreachable) or the
 * {@code sts:GetCallerIdentity} call made with them; callers map the AWS error code with that in mind. The cause is
 * the SDK's exception, whose message may echo the signed request: redact before showing it.
 */
public final class IdentityCheckException extends RuntimeException {

    /** Where the check failed. */
    public enum Step {
        /** Resolving the chain's credentials: an STS hop (web identity, assume role) was refused or failed. */
        CHAIN,
        /** {@code sts:GetCallerIdentity} with the resolved credentials: usually the base keys themselves. */
        GET_CALLER_IDENTITY
    }

    private final Step step;

    /** Public for callers' tests of their mapping of AWS errors. */
    public IdentityCheckException(Step step, SdkException cause) {
        super("identity check failed at " + step, Objects.requireNonNull(cause, "cause"));
        this.step = step;
    }

    public Step step() {
        return step;
    }

    @Override
    public synchronized SdkException getCause() {
        return (SdkException) super.getCause();
    }
}
