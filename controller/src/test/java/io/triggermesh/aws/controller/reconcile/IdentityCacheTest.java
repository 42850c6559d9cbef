package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache's locking: a slow check (STS unreachable) holds up only the objects that share its source. */
class IdentityCacheTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final IdentityVerdict CHECKED = new IdentityVerdict.Checked("arn:aws:iam::1:user/a", "1", null);

    private final MovableClock clock = new MovableClock();
    private final IdentityCache cache = new IdentityCache(clock, WINDOW, Duration.ofMinutes(1));
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch probing = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        workers.shutdownNow();
    }

    /** A check that hangs until the test releases it, as one against an unreachable STS does. */
    private final Supplier<IdentityVerdict> hanging = () -> {
        calls.incrementAndGet();
        probing.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CHECKED;
    };

    @Test
    void aHangingReCheckDoesNotHoldUpObjectsWithOtherSources() throws Exception {
        // A source in the same hash bin as source-a, whose verdict runs out while source-a's re-check hangs: the
        // sweep of another object's pass must remove it without waiting for that check.
        String neighbour = sameBinAs("source-a");
        cache.verdict("source-a", () -> CHECKED);
        clock.advance(Duration.ofSeconds(1));
        cache.verdict(neighbour, () -> CHECKED);
        clock.advance(WINDOW.minusMillis(500));  // only source-a's verdict ran out: the next pass re-checks it
        Future<IdentityCache.Entry> slow = workers.submit(() -> cache.verdict("source-a", hanging));
        assertThat(probing.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(WINDOW.multipliedBy(3));  // the neighbour is long unused: swept at the next pass

        Future<IdentityCache.Entry> other = workers.submit(() -> cache.verdict("source-b", () -> CHECKED));
        assertThat(other.get(10, TimeUnit.SECONDS).verdict()).isEqualTo(CHECKED);
        assertThat(slow).isNotDone();

        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).verdict()).isEqualTo(CHECKED);
    }

    @Test
    void objectsSharingASourceWaitForTheOneCheckInFlight() throws Exception {
        Future<IdentityCache.Entry> first = workers.submit(() -> cache.verdict("source-a", hanging));
        assertThat(probing.await(10, TimeUnit.SECONDS)).isTrue();
        Future<IdentityCache.Entry> second = workers.submit(() -> cache.verdict("source-a", hanging));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(second.get(10, TimeUnit.SECONDS));
        assertThat(calls).hasValue(1);
    }

    /** A key that a small ConcurrentHashMap (16 bins) puts in the same bin as {@code key}. */
    private static String sameBinAs(String key) {
        for (int i = 0; ; i++) {
            String candidate = "source-c-" + i;
            if (bin(candidate) == bin(key)) {
                return candidate;
            }
        }
    }

    private static int bin(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & 15;
    }
}
