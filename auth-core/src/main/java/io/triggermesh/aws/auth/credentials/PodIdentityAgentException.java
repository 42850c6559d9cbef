package io.triggermesh.aws.auth.credentials;

import java.net.URI;
import java.util.Objects;

/**
 * Asking the EKS Pod Identity agent for an association's session failed. {@link #detail()} is already masked (the
 * token, credential shapes) and cut; it never holds a credential.
 */
public final class PodIdentityAgentException extends RuntimeException {

    /** How it failed, which decides whether asking again later may help. */
    public enum Kind {
        /** No answer: nothing listens at the URI (not EKS, Fargate, no agent add-on), or it timed out. */
        UNREACHABLE,
        /**
         * The agent refused the token with a 4xx other than 429: usually no association names the ServiceAccount
         * (EKS Auth's ResourceNotFoundException), or the association's role does not trust
         * {@code pods.eks.amazonaws.com}.
         */
        REFUSED,
        /** 429, 5xx, or a reply that is not credentials: the agent or EKS Auth failed; may pass. */
        FAILED
    }

    private final Kind kind;
    private final URI uri;
    private final int status;
    private final String detail;

    public PodIdentityAgentException(Kind kind, URI uri, int status, String detail) {
        super("EKS Pod Identity agent at " + uri + (status == 0 ? "" : " answered HTTP " + status) + ": " + detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public Kind kind() {
        return kind;
    }

    /** The agent's credentials endpoint that was asked. */
    public URI uri() {
        return uri;
    }

    /** The HTTP status the agent answered, 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** What went wrong or what the agent said, masked and cut. */
    public String detail() {
        return detail;
    }
}
