package io.triggermesh.aws.adapter.http;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A target's answer to one event: a success (with an optional result event) or a failure with an HTTP status. */
public sealed interface TargetReply {

    /**
     * The event was handled. With a result event the answer is 200 and the event in binary mode; without, 202.
     */
    record Success(Optional<CloudEvent> result) implements TargetReply {
        public Success {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The event was not handled. The answer has {@code status}, {@code Retry-After} when given, and the JSON body
     * {@code {"code": ..., "message": ..., "retryable": ...}}.
     *
     * @param status the HTTP status: 400/413 for bad events, 403/404/410 for permanent AWS problems, 429/503 for
     *     throttling, 500/502 otherwise
     * @param code a short machine-readable reason, such as {@code QueueDoesNotExist}
     * @param message what went wrong and what to do; credentials in it (known values and credential shapes) are
     *     masked
     * @param retryAfter sent as {@code Retry-After} (whole seconds, at least 1)
     */
    record Failure(int status, String code, String message, Optional<Duration> retryAfter) implements TargetReply {
        public Failure {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a failure needs a 4xx or 5xx status, not " + status);
            }
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(retryAfter, "retryAfter");
            // Replies go to whoever can reach the port, and messages often quote AWS, which may echo the signed
            // request: masked here, so that no connector can forget it.
            message = AdapterLogging.redactor().redact(Objects.requireNonNull(message, "message"));
        }

        /**
         * Whether a sender should try again, as Knative sorts statuses (404, 408, 409, 429 and 5xx are retried).
         */
        public boolean retryable() {
            return status == 404 || status == 408 || status == 409 || status == 429 || status >= 500;
        }
    }

    static Success result(CloudEvent event) {
        return new Success(Optional.of(Objects.requireNonNull(event, "event")));
    }

    static Success accepted() {
        return new Success(Optional.empty());
    }

    static Failure failure(int status, String code, String message) {
        return new Failure(status, code, message, Optional.empty());
    }

    static Failure throttled(int status, String code, String message, Duration retryAfter) {
        return new Failure(status, code, message, Optional.of(retryAfter));
    }
}
