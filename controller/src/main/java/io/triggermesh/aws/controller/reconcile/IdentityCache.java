package io.triggermesh.aws.controller.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last identity verdict per credential source ({@link CredentialSource#fingerprint}), kept for one window (the
 * resync period): at most one STS call per source per window, whatever the number of objects and passes. A new
 * source (another Secret resourceVersion, role, ExternalId, ServiceAccount) is a new key and is asked at once.
 * Transient failures are not kept.
 */
final class IdentityCache {

    /** A verdict and when it was reached (the {@code checkedAt} status shows). */
    record Entry(IdentityVerdict verdict, Instant checkedAt) {
    }

    private final Clock clock;
    private final Duration window;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    IdentityCache(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The kept verdict for {@code fingerprint} when younger than the window, else a fresh one from {@code check}. */
    Entry verdict(String fingerprint, Supplier<IdentityVerdict> check) {
        Instant now = clock.instant();
        // Sources no object uses any more would otherwise stay forever.
        entries.values().removeIf(e -> expired(e, now));
        Entry[] unkept = new Entry[1];
        // compute: objects sharing a source and reconciled at the same time wait for one check, not make two.
        Entry entry = entries.compute(fingerprint, (key, kept) -> {
            if (kept != null && !expired(kept, now)) {
                return kept;
            }
            Entry fresh = new Entry(check.get(), now);
            if (fresh.verdict().lasting()) {
                return fresh;
            }
            unkept[0] = fresh;
            return null;
        });
        return entry != null ? entry : unkept[0];
    }

    private boolean expired(Entry entry, Instant now) {
        return !entry.checkedAt().plus(window).isAfter(now);
    }
}
