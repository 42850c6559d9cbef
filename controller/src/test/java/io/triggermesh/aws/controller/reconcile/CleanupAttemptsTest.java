package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanupAttemptsTest {

    private long now;
    private final CleanupAttempts attempts = new CleanupAttempts(() -> now);

    @Test
    void attemptsAreCountedPerObject() {
        assertThat(attempts.next("a")).isEqualTo(1);
        assertThat(attempts.next("a")).isEqualTo(2);
        assertThat(attempts.next("b")).isEqualTo(1);
        attempts.forget("a");
        assertThat(attempts.next("a")).isEqualTo(1);
    }

    @Test
    void theCountOfAnObjectDeletedByHandIsDroppedOnceItIsNoLongerTouched() {
        attempts.next("finalizer-removed-by-hand");
        now += CleanupAttempts.FORGET_AFTER_NANOS + 1;

        attempts.next("other");

        assertThat(attempts.tracked()).isEqualTo(1);
    }

    @Test
    void anObjectStillBeingRetriedKeepsItsCount() {
        attempts.next("retrying");
        now += CleanupAttempts.FORGET_AFTER_NANOS / 2;
        attempts.next("retrying");
        now += CleanupAttempts.FORGET_AFTER_NANOS / 2 + 1;

        assertThat(attempts.next("retrying")).isEqualTo(3);
    }

    @Test
    void aFinishedCleanupStaysFinishedWhileItsReleasesAreRetriedUntilForgotten() {
        attempts.next("released-later");
        attempts.finish("released-later");
        now += CleanupAttempts.FORGET_AFTER_NANOS / 2;
        assertThat(attempts.finished("released-later")).isTrue();
        now += CleanupAttempts.FORGET_AFTER_NANOS / 2 + 1;
        attempts.next("other");

        assertThat(attempts.finished("released-later")).as("kept fresh by the retry that asked").isTrue();
        assertThat(attempts.finished("other")).isFalse();
        attempts.forget("released-later");
        assertThat(attempts.finished("released-later")).isFalse();
    }
}
