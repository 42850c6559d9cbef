package io.triggermesh.aws.controller.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The last identity verdict per credential source ({@link CredentialSource#fingerprint}), kept for one window
 * ({@code triggermesh.controller.identity-check-interval}): at most one STS call per source per window, whatever the
 * number of objects and passes. A new source (another Secret resourceVersion, role, ExternalId, ServiceAccount) is
 * a new key and is asked at once. Unanswered checks are kept for a shorter while, so an unreachable STS or a token
 * that cannot be minted is retried soon but not at every pass.
 */
final class IdentityCache {

    /** A verdict and when it was reached (the {@code checkedAt} status shows). */
    record Entry(IdentityVerdict verdict, Instant checkedAt, Instant keptUntil) {
    }

    private final Clock clock;
    private final Duration window;
    private final Duration unansweredWindow;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    IdentityCache(Clock clock, Duration window, Duration unansweredWindow) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.unansweredWindow = Objects.requireNonNull(unansweredWindow, "unansweredWindow");
    }

    /** The kept verdict for {@code fingerprint} while it is kept, else a fresh one from {@code check}. */
    Entry verdict(String fingerprint, Supplier<IdentityVerdict> check) {
        Instant now = clock.instant();
        // Sources no object uses any more would otherwise stay forever.
        entries.values().removeIf(e -> !e.keptUntil().isAfter(now));
        // compute: objects sharing a source and reconciled at the same time wait for one check, not make two.
        return entries.compute(fingerprint, (key, kept) -> {
            if (kept != null && kept.keptUntil().isAfter(now)) {
                return kept;
            }
            IdentityVerdict verdict = check.get();
            Duration keep = verdict.lasting() ? window : min(window, unansweredWindow);
            return new Entry(verdict, now, now.plus(keep));
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
