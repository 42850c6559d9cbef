package io.triggermesh.aws.adapter.sink;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sink answered one event, sorted the way Knative sorts delivery outcomes.
 */
public sealed interface SinkResult {

    /** 2xx: the sink has the event. */
    record Accepted(int status) implements SinkResult {
    }

    /**
     * A 4xx other than 404, 408, 409 and 429 (typically 400): the sink will never take this event as it is, so
     * sending it again right away is pointless.
     *
     * @param status the HTTP status
     * @param detail the start of the sink's answer, for logs
     */
    record Rejected(int status, String detail) implements SinkResult {
        public Rejected {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * 404, 408, 409, 429, 5xx, a timeout or a connection failure: worth sending again later.
     *
     * @param status the HTTP status, 0 when there was no answer
     * @param detail what happened, for logs
     * @param retryAfter the delay the sink asked for with {@code Retry-After}, if any
     */
    record Retryable(int status, String detail, Optional<Duration> retryAfter) implements SinkResult {
        public Retryable {
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The sorting of an HTTP answer; {@code retryAfter} is used for retryable statuses only. */
    static SinkResult ofStatus(int status, String detail, Optional<Duration> retryAfter) {
        if (status >= 200 && status < 300) {
            return new Accepted(status);
        }
        if (status == 404 || status == 408 || status == 409 || status == 429 || status >= 500) {
            return new Retryable(status, detail, retryAfter);
        }
        return new Rejected(status, detail);
    }
}
