package io.triggermesh.aws.controller.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The last identity verdict per credential source ({@link CredentialSource#fingerprint}), kept for one window
 * ({@code triggermesh.controller.identity-check-interval}): at most one STS call per source per window, whatever the
 * number of objects and passes. A new source (another Secret resourceVersion, role, ExternalId, ServiceAccount) is
 * a new key and is asked at once. Unanswered checks are kept for a shorter while, so an unreachable STS or a token
 * that cannot be minted is retried soon but not at every pass.
 *
 * <p>The check (a TokenRequest and STS calls) runs outside the map's locks: objects sharing a source wait for the
 * one check in flight for it, objects with other sources do not wait at all.
 */
final class IdentityCache {

    /**
     * A verdict and when it was reached (the {@code checkedAt} status shows).
     *
     * @param lastLasting when {@code verdict} is not lasting, the last lasting entry of the same source, which
     *     still stands (null when there is none): a transient failure does not undo a Checked or Refused verdict
     */
    record Entry(IdentityVerdict verdict, Instant checkedAt, Instant keptUntil, Entry lastLasting) {

        /** The entry whose verdict stands: this one when lasting, else the last lasting one (or null). */
        Entry standing() {
            return verdict.lasting() ? this : lastLasting;
        }
    }

    private final Clock clock;
    private final Duration window;
    private final Duration unansweredWindow;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

    IdentityCache(Clock clock, Duration window, Duration unansweredWindow) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.unansweredWindow = Objects.requireNonNull(unansweredWindow, "unansweredWindow");
    }

    /** The kept verdict for {@code fingerprint} while it is kept, else a fresh one from {@code check}. */
    Entry verdict(String fingerprint, Supplier<IdentityVerdict> check) {
        Instant now = clock.instant();
        sweep(now);
        Entry kept = entries.get(fingerprint);
        if (kept != null && kept.keptUntil().isAfter(now)) {
            return kept;
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inFlight.putIfAbsent(fingerprint, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Entry entry = freshOrKept(fingerprint, check);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            // After the entry is in the map, so whoever finds no check in flight finds its verdict.
            inFlight.remove(fingerprint, mine);
        }
    }

    private Entry freshOrKept(String fingerprint, Supplier<IdentityVerdict> check) {
        Instant now = clock.instant();
        Entry previous = entries.get(fingerprint);
        if (previous != null && previous.keptUntil().isAfter(now)) {
            return previous;  // another worker finished a check between our look and our claim
        }
        IdentityVerdict verdict = check.get();
        Entry entry = verdict.lasting()
                ? new Entry(verdict, now, now.plus(window), null)
                : new Entry(verdict, now, now.plus(min(window, unansweredWindow)),
                        previous == null ? null : previous.standing());
        entries.put(fingerprint, entry);
        return entry;
    }

    /**
     * Drops sources no object asked about for a whole window after their verdict ran out; one removal at a time,
     * each taking its bin's lock only for the removal (no check ever runs under it). Entries that merely ran out stay
     * a while, so a re-check that goes unanswered still finds the verdict that stands.
     */
    private void sweep(Instant now) {
        entries.forEach((key, entry) -> {
            if (!entry.keptUntil().plus(window).isAfter(now)) {
                entries.remove(key, entry);
            }
        });
    }

    private static Entry await(CompletableFuture<Entry> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the identity check in flight", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the identity check in flight failed", e.getCause());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
