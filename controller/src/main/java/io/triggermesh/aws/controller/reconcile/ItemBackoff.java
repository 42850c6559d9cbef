package io.triggermesh.aws.controller.reconcile;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-object exponential backoff, modelled on client-go's {@code ItemExponentialFailureRateLimiter}: the n-th
 * consecutive failure of an object waits {@code base * 2^(n-1)}, never more than {@code cap}, and a success forgets
 * the object. One object failing does not slow any other.
 *
 * <p>The controller's defaults are 1 s and 5 min (docs/architecture.md): a pass costs several API requests and may
 * call AWS, so client-go's 5 ms base would spend a dozen passes in the first 50 ms; 1 s lets a conflict or a
 * throttled call clear, and 5 min keeps a broken object visible in status without a measurable load.
 */
final class ItemBackoff {

    private final Duration base;
    private final Duration cap;
    private final Map<ReconcileKey, Integer> failures = new HashMap<>();

    ItemBackoff(Duration base, Duration cap) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < initial-backoff (" + base
                    + ") <= max-backoff (" + cap + ")");
        }
        this.base = base;
        this.cap = cap;
    }

    /** Records one more failure of {@code key} and returns how long to wait before its next attempt. */
    synchronized Duration failed(ReconcileKey key) {
        return delay(failures.merge(key, 1, Integer::sum));
    }

    /** A success (or the object's removal): the next failure starts from the base delay again. */
    synchronized void forget(ReconcileKey key) {
        failures.remove(key);
    }

    /** Consecutive failures of {@code key} since its last success. */
    synchronized int failures(ReconcileKey key) {
        return failures.getOrDefault(key, 0);
    }

    /** {@code base * 2^(attempt-1)}, capped; the exponent is clamped so the product cannot overflow. */
    Duration delay(int attempt) {
        int exponent = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = base.multipliedBy(1L << exponent);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
