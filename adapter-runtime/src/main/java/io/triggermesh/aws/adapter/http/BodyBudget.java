package io.triggermesh.aws.adapter.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request-body bytes one receiver may hold at once, shared by all its connections. A request reserves its
 * {@code Content-Length} when its head arrives (a chunked body as it grows) and releases it once answered, since
 * the handler keeps the body until then. A quarter of the budget is kept for small requests, so that large uploads
 * that stall cannot starve ordinary events.
 */
final class BodyBudget {

    /** Requests up to this size may use the whole budget; larger ones only the part not kept for small ones. */
    static final int SMALL_BYTES = 64 * 1024;

    private final long total;
    private final long forLarge;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    BodyBudget(long total) {
        this.total = total;
        this.forLarge = total - smallShare(total);
    }

    /** The part of a budget only small requests may use. */
    static long smallShare(long total) {
        return total / 4;
    }

    /** Reserves {@code bytes} for a request of that size class; whether they were available. */
    boolean reserve(long bytes, boolean small) {
        if (bytes <= 0) {
            return true;
        }
        long limit = small ? total : forLarge;
        long now;
        do {
            now = used.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        peak.accumulateAndGet(now + bytes, Math::max);
        return true;
    }

    void release(long bytes) {
        if (bytes > 0) {
            used.addAndGet(-bytes);
        }
    }

    long total() {
        return total;
    }

    /** Bytes reserved now (a gauge for tests). */
    long used() {
        return used.get();
    }

    /** The most ever reserved at once (for tests). */
    long peak() {
        return peak.get();
    }
}
