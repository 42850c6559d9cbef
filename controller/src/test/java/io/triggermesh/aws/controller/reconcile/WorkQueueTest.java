package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The work queue's retry schedule, on a hand-driven clock: no sleeps, no threads. */
class WorkQueueTest {

    private static final ReconcileKey A = new ReconcileKey("test/Kind", "default", "a");
    private static final ReconcileKey B = new ReconcileKey("test/Kind", "default", "b");

    private final ManualTimer timer = new ManualTimer();
    private final Map<ReconcileKey, Deque<Result>> script = new HashMap<>();
    private final Map<ReconcileKey, List<Duration>> passes = new HashMap<>();
    private final WorkQueue queue = new WorkQueue(this::handle, new DirectExecutor(), timer,
            new ItemBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));

    private Result handle(ReconcileKey key) {
        passes.computeIfAbsent(key, k -> new ArrayList<>()).add(timer.now());
        Deque<Result> results = script.get(key);
        return results == null || results.isEmpty() ? Result.retry("Conflict") : results.poll();
    }

    private void answer(ReconcileKey key, Result... results) {
        script.put(key, new ArrayDeque<>(List.of(results)));
    }

    private List<Duration> passesOf(ReconcileKey key) {
        return passes.getOrDefault(key, List.of());
    }

    private static List<Duration> seconds(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }

    @Test
    void failuresOfAnyReasonBackOffExponentiallyUpToTheCap() {
        queue.add(A);
        timer.advance(Duration.ofSeconds(40));

        // 1, 2, 4, 8, then capped at 8: passes at 0, 1, 3, 7, 15, 23, 31, 39
        assertThat(passesOf(A)).isEqualTo(seconds(0, 1, 3, 7, 15, 23, 31, 39));
        assertThat(queue.failures(A)).isEqualTo(8);
    }

    @Test
    void aThrownExceptionIsRetriedWithTheSameBackoff() {
        WorkQueue throwing = new WorkQueue(key -> {
            passes.computeIfAbsent(key, k -> new ArrayList<>()).add(timer.now());
            throw new IllegalStateException("boom");
        }, new DirectExecutor(), timer, new ItemBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));
        throwing.add(A);
        timer.advance(Duration.ofSeconds(8));

        assertThat(passesOf(A)).isEqualTo(seconds(0, 1, 3, 7));
    }

    @Test
    void aPluginBuiltAgainstAnotherSpiFailsItsObjectWithBackoffInsteadOfStrandingIt() {
        WorkQueue linking = new WorkQueue(key -> {
            passes.computeIfAbsent(key, k -> new ArrayList<>()).add(timer.now());
            throw new NoSuchMethodError("io.triggermesh.aws.spi.ConnectorKind.somethingNew()");
        }, new DirectExecutor(), timer, new ItemBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));
        linking.add(A);
        timer.advance(Duration.ofSeconds(8));

        assertThat(passesOf(A)).isEqualTo(seconds(0, 1, 3, 7));
    }

    @Test
    void aSuccessForgetsTheFailuresSoTheNextFailureStartsAtTheBase() {
        answer(A, Result.retry("x"), Result.retry("x"), Result.retry("x"), Result.done());
        queue.add(A);
        timer.advance(Duration.ofSeconds(10));
        assertThat(passesOf(A)).isEqualTo(seconds(0, 1, 3, 7));
        assertThat(queue.failures(A)).isZero();
        assertThat(timer.pending()).as("nothing waits after a success").isZero();

        queue.add(A);  // an event; fails (script exhausted), so the retry comes after the base delay again
        timer.advance(Duration.ofSeconds(2));
        assertThat(passesOf(A)).isEqualTo(seconds(0, 1, 3, 7, 10, 11));
    }

    @Test
    void oneObjectFailingDoesNotDelayAnother() {
        queue.add(A);
        timer.advance(Duration.ofSeconds(7));  // A is at its 4th failure, waiting 8 s
        queue.add(B);
        timer.advance(Duration.ofSeconds(1));

        assertThat(passesOf(B)).isEqualTo(seconds(7, 8));
        assertThat(queue.failures(B)).isEqualTo(2);
        assertThat(queue.failures(A)).isEqualTo(4);
    }

    @Test
    void anEventDuringBackoffRunsAtOnceAndItsOutcomeReplacesTheWaitingRetry() {
        queue.add(A);                               // fails at 0: retry due at 1
        timer.advance(Duration.ofMillis(500));
        queue.add(A);                               // an event at 0.5: runs now, fails again: retry due at 2.5
        timer.advance(Duration.ofMillis(1_500));    // t = 2: the retry due at 1 must not have run

        assertThat(passesOf(A)).containsExactly(Duration.ZERO, Duration.ofMillis(500));
        timer.advance(Duration.ofMillis(500));
        assertThat(passesOf(A)).containsExactly(Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(2_500));
    }

    @Test
    void aRequestedRequeueIsAPollNotAFailure() {
        answer(A, Result.retry("x"), Result.retry("x"), Result.requeueAfter(Duration.ofSeconds(30)),
                Result.done());
        queue.add(A);
        timer.advance(Duration.ofSeconds(60));

        assertThat(passesOf(A)).isEqualTo(seconds(0, 1, 3, 33));
        assertThat(queue.failures(A)).isZero();
    }

    @Test
    void noPassStartsAfterTheQueueIsAborted() {
        queue.add(A);
        queue.abort();
        queue.add(A);
        timer.advance(Duration.ofMinutes(1));

        assertThat(passesOf(A)).containsExactly(Duration.ZERO);
    }

    @Test
    void theDefaultsGrowFromOneSecondToFiveMinutes() {
        ItemBackoff defaults = new ItemBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
        assertThat(defaults.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.delay(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(defaults.delay(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.delay(Integer.MAX_VALUE)).as("no overflow").isEqualTo(Duration.ofMinutes(5));
    }
}
