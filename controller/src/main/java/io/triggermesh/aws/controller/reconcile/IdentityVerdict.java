package io.triggermesh.aws.controller.reconcile;

import java.time.Instant;

/** What asking AWS about an object's identity found. Messages say what to fix and never hold a credential. */
sealed interface IdentityVerdict {

    /** Whether the cache keeps it for a whole window: not transient failures, which are asked again soon. */
    default boolean lasting() {
        return true;
    }

    /** AWS named the identity. */
    record Checked(String arn, String account, Instant expiresAt) implements IdentityVerdict {
    }

    /** AWS refused the credentials for a reason the user fixes: {@code CredentialsReady=False} with this reason. */
    record Refused(String reason, String message) implements IdentityVerdict {
    }

    /** No answer about the identity (STS unreachable, throttled, a token could not be minted); asked again soon. */
    record Unanswered(String message) implements IdentityVerdict {
        @Override
        public boolean lasting() {
            return false;
        }
    }
}
