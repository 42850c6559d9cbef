package io.triggermesh.aws.controller.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last successful {@code ensureResources} of each object whose status has not recorded it yet.
 *
 * <p>A pass skips the AWS calls when {@code status.resourcesFingerprint} matches the object. When the status write
 * after a successful ensure fails (a conflict, an outage), the status never gets the fingerprint and every retry
 * would repeat the same AWS calls. Remembering the outcome here, keyed by the object's uid, lets the retries reuse
 * it while the fingerprint (spec, credentials, ServiceAccount) is unchanged. An entry goes once a pass reads a
 * status that holds the fingerprint (not as soon as the write succeeds: a pass already queued may still read the
 * informer's copy from before the write), and at the latest after {@link #TTL}, so a status that can never be
 * written still re-checks AWS now and then, never in a loop.
 */
final class EnsuredMemory {

    /** Longer than the default backoff cap (5 min), so AWS is not called again while a status write is retried. */
    static final Duration TTL = Duration.ofMinutes(10);

    /** What a successful ensure produced, as the status would have recorded it. */
    record Entry(String fingerprint, Condition condition, String identity, Map<String, String> pluginStatus,
                 Instant at) {

        Entry {
            pluginStatus = Map.copyOf(pluginStatus);
        }
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    EnsuredMemory(Clock clock) {
        this.clock = clock;
    }

    void remember(String uid, String fingerprint, Condition condition, String identity,
                  Map<String, String> pluginStatus) {
        if (uid == null) {
            return;
        }
        Instant now = clock.instant();
        entries.values().removeIf(e -> expired(e, now));
        entries.put(uid, new Entry(fingerprint, condition, identity, pluginStatus, now));
    }

    /** The remembered ensure of {@code uid} when it was for {@code fingerprint} and is recent enough. */
    Optional<Entry> recall(String uid, String fingerprint) {
        Entry entry = uid == null ? null : entries.get(uid);
        if (entry == null || !entry.fingerprint().equals(fingerprint) || expired(entry, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** The object's status now records its ensure (or the object is gone): nothing to remember. */
    void forget(String uid) {
        if (uid != null) {
            entries.remove(uid);
        }
    }

    int size() {
        return entries.size();
    }

    private static boolean expired(Entry entry, Instant now) {
        return !entry.at().plus(TTL).isAfter(now);
    }
}
