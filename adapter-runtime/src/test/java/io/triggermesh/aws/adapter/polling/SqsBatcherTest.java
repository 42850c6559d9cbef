package io.triggermesh.aws.adapter.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batcher against a fake call that holds every call until the test lets it go. */
class SqsBatcherTest {

    private static final Duration LINGER = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * How long an adder may wait for room: far beyond every await here, so an adder that returns within them was
     * woken, not timed out (a missed wake-up fails the test instead of passing late).
     */
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger peakThreads = new AtomicInteger();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final Set<Integer> sent = ConcurrentHashMap.newKeySet();
    private final List<Thread> adders = new ArrayList<>();
    private volatile Function<List<Integer>, List<Integer>> answer = batch -> List.of();
    private SqsBatcher<Integer> batcher;

    @AfterEach
    void stop() {
        release.countDown();
        if (batcher != null) {
            batcher.close(Duration.ofSeconds(5));
        }
        adders.forEach(Thread::interrupt);
        timer.shutdownNow();
    }

    /** Records the batch, waits for the release, and returns what {@link #answer} says to try again. */
    private List<Integer> call(List<Integer> batch) {
        batches.add(List.copyOf(batch));
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        peakThreads.accumulateAndGet(batcher.threads(), Math::max);
        try {
            release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        List<Integer> again = answer.apply(batch);
        batch.stream().filter(e -> !again.contains(e)).forEach(sent::add);
        return again;
    }

    private SqsBatcher<Integer> batcher(int partialCalls, int fullCalls, int maxHeld, Duration workerIdle) {
        batcher = new SqsBatcher<>("delete", this::call, LINGER, timer,
                new BatchLimits(partialCalls, fullCalls, maxHeld, MAX_WAIT, workerIdle));
        return batcher;
    }

    private void addAll(int from, int to) {
        IntStream.range(from, to).forEach(batcher::add);
    }

    /** Adds on a thread of its own, as a delivery does. */
    private Thread adder(int entry) {
        Thread t = new Thread(() -> batcher.add(entry), "adder-" + entry);
        adders.add(t);
        t.start();
        return t;
    }

    /**
     * One call at once and room for ten: entries 0 to 9 go out in the one call, which holds them while the answer
     * waits for {@code release}, and three adders (entries 10 to 12) wait for room.
     */
    private List<Thread> oneCallBusyAndThreeAddersBlocked() {
        batcher(1, 1, 10, BatchLimits.WORKER_IDLE);
        addAll(0, 10);
        List<Thread> blocked = IntStream.range(10, 13).mapToObj(this::adder).toList();
        blocked.forEach(SqsBatcherTest::awaitBlocked);
        return blocked;
    }

    private static void awaitBlocked(Thread t) {
        await().atMost(WAIT).until(() -> t.getState() == Thread.State.TIMED_WAITING
                || t.getState() == Thread.State.WAITING);
    }

    /** Returns once every linger scheduled before now has run (the timer runs its tasks in time order). */
    private void lingerPassed() throws Exception {
        timer.schedule(() -> { }, LINGER.toMillis() * 2, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
    }

    @Test
    void fullBatchesRunUpToEightCallsAtOnce() {
        batcher(2, 8, 200, BatchLimits.WORKER_IDLE);
        addAll(0, 100);

        await().atMost(WAIT).until(() -> running.get() == 8);
        assertThat(batches).as("the ninth and tenth full batch wait for a call to end").hasSize(8)
                .allMatch(b -> b.size() == 10);
        release.countDown();
        await().atMost(WAIT).until(() -> sent.size() == 100);
        assertThat(peak).hasValue(8);
    }

    @Test
    void partialBatchesWaitForOneOfTwoCallsAndLeaveFuller() throws Exception {
        batcher(2, 8, 200, BatchLimits.WORKER_IDLE);
        batcher.add(0);
        await().atMost(WAIT).until(() -> running.get() == 1);
        batcher.add(1);
        await().atMost(WAIT).until(() -> running.get() == 2);
        for (int i = 2; i < 5; i++) {
            batcher.add(i);
            lingerPassed();
        }

        assertThat(running).as("lingered partial batches wait for one of the first two calls").hasValue(2);
        release.countDown();
        await().atMost(WAIT).until(() -> sent.size() == 5);
        assertThat(batches).containsExactly(List.of(0), List.of(1), List.of(2, 3, 4));
        assertThat(peak).hasValue(2);
    }

    @Test
    void addBlocksAtTheBoundAndResumesWhenCallsComplete() {
        batcher(2, 8, 20, BatchLimits.WORKER_IDLE);
        addAll(0, 20);
        Thread blocked = adder(20);

        awaitBlocked(blocked);
        assertThat(blocked.isAlive()).as("the 21st entry waits while 20 are held").isTrue();
        assertThat(batches).hasSize(2);
        release.countDown();
        await().atMost(WAIT).until(() -> !blocked.isAlive());
        await().atMost(WAIT).until(() -> sent.size() == 21);
    }

    @Test
    void retriesReturnedWhileAtTheBoundGoFirstWithoutDeadlock() {
        Set<Integer> tried = ConcurrentHashMap.newKeySet();
        answer = batch -> batch.stream().filter(tried::add).toList(); // every entry fails its first try
        List<Thread> blocked = oneCallBusyAndThreeAddersBlocked();

        release.countDown();
        await().atMost(WAIT).until(() -> sent.size() == 13);
        assertThat(batches.get(1)).as("the retries, taken back at the bound").containsExactlyElementsOf(
                IntStream.range(0, 10).boxed().toList());
        blocked.forEach(t -> await().atMost(WAIT).until(() -> !t.isAlive()));
    }

    @Test
    void closeWithAddersBlockedReturnsWithinItsTimeoutAndReportsWhatItDidNotSend() throws Exception {
        List<Thread> blocked = oneCallBusyAndThreeAddersBlocked();

        long start = System.nanoTime();
        batcher.close(Duration.ofMillis(300));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(tookMillis).isBetween(250L, 3_000L);
        for (Thread t : blocked) {
            t.join(WAIT.toMillis());
            assertThat(t.isAlive()).as("blocked adders return once the batcher closes").isFalse();
        }
        release.countDown();
        await().atMost(WAIT).until(() -> sent.size() == 10);
        assertThat(batcher.notSent()).as("the blocked adders' entries, still waiting for the busy call").isEqualTo(3);
        assertThat(sent).doesNotContain(10, 11, 12);
    }

    @Test
    void aLoneEntryStillGoesOutAfterTheLinger() {
        release.countDown();
        batcher(2, 8, 200, BatchLimits.WORKER_IDLE);
        long start = System.nanoTime();
        batcher.add(7);

        await().atMost(WAIT).until(() -> sent.contains(7));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(LINGER.toNanos());
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void workerThreadsAreMadeWhenNeededAndEndWhenIdle() {
        release.countDown();
        batcher(2, 8, 200, Duration.ofMillis(200));
        assertThat(batcher.threads()).isZero();
        addAll(0, 100);

        await().atMost(WAIT).until(() -> sent.size() == 100);
        assertThat(peakThreads.get()).as("threads made for the calls, no more than the calls at once").isBetween(1, 8);
        await().atMost(WAIT).until(() -> batcher.threads() == 0);
    }

    @Test
    void closeOnAnInterruptedThreadStillWaitsForItsCallsAndAccountsForEveryEntry() throws Exception {
        List<Thread> blocked = oneCallBusyAndThreeAddersBlocked();
        AtomicInteger flagKept = new AtomicInteger(-1);
        Thread closer = new Thread(() -> {
            Thread.currentThread().interrupt(); // as QueueConsumer.close() after an interrupted join
            batcher.close(WAIT);
            flagKept.set(Thread.currentThread().isInterrupted() ? 1 : 0);
        }, "closer");
        closer.start();

        awaitBlocked(closer); // waiting for the call in flight, not given up at once
        release.countDown();
        closer.join(WAIT.toMillis() * 2);

        assertThat(closer.isAlive()).isFalse();
        assertThat(flagKept).as("the caller's interrupt is kept").hasValue(1);
        assertThat(sent.size() + batcher.notSent()).as("every entry sent or reported").isEqualTo(13);
        assertThat(sent).containsAll(IntStream.range(0, 13).boxed().toList());
    }

    @Test
    void anErrorFromTheCallGivesBackItsRoom() throws Exception {
        release.countDown();
        AtomicInteger calls = new AtomicInteger();
        answer = batch -> {
            if (calls.getAndIncrement() == 0) {
                throw new LinkageError("a class the call needs is missing");
            }
            return List.of();
        };
        batcher(1, 1, 10, BatchLimits.WORKER_IDLE);
        addAll(0, 10);
        // The Error ends its worker thread, uncaught, as it should: not a failure of this test.
        await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> batcher.notSent() == 10);

        Thread next = adder(10);
        next.join(WAIT.toMillis());
        assertThat(next.isAlive()).as("the failed batch's room is free again").isFalse();
        await().dontCatchUncaughtExceptions().atMost(WAIT).until(() -> sent.contains(10));
    }
}
