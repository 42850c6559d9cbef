package io.triggermesh.aws.controller.reconcile;

import java.time.Duration;
import java.util.Optional;

/**
 * What the work queue does after a reconcile.
 *
 * @param requeueAfter reconcile again after this delay even if nothing changes (polling an external state)
 * @param failureReason set when the reconcile failed transiently: retried with exponential backoff
 */
public record Result(Duration requeueAfter, String failureReason) {

    private static final Result DONE = new Result(null, null);

    /** Converged, or waiting for the user to change the object: no retry. */
    public static Result done() {
        return DONE;
    }

    public static Result requeueAfter(Duration delay) {
        return new Result(delay, null);
    }

    /** A transient failure (throttling, 5xx, conflicts): retried with backoff, counted in metrics by reason. */
    public static Result retry(String reason) {
        return new Result(null, reason);
    }

    public Optional<Duration> requeue() {
        return Optional.ofNullable(requeueAfter);
    }

    public boolean failed() {
        return failureReason != null;
    }

    /** The sooner of two requeues, keeping a failure. */
    public Result and(Result other) {
        if (failed()) {
            return this;
        }
        if (other.failed() || requeueAfter == null) {
            return other;
        }
        if (other.requeueAfter == null || requeueAfter.compareTo(other.requeueAfter) <= 0) {
            return this;
        }
        return other;
    }
}
