package io.triggermesh.aws.testing;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Waiting until an SQS queue in the emulator is empty, without being fooled by one read.
 *
 * <p>moto answers GetQueueAttributes by counting ApproximateNumberOfMessages and then
 * ApproximateNumberOfMessagesNotVisible, each against the clock of its own moment. A message whose visibility timeout
 * ends between the two counts is in neither, so a single read of zero can be false just as a message is about to be
 * delivered again (a rejected event coming back, for example). From then on every read counts that message, as
 * visible until it is received and as in flight for its next visibility timeout; so two reads of zero in a row,
 * {@link #GAP} apart, mean the queue is empty.
 */
public final class EmptyQueue {

    /** Between the two reads that must both say zero: far longer than the moment between moto's two counts. */
    public static final Duration GAP = Duration.ofMillis(200);

    private EmptyQueue() {
    }

    /**
     * Returns once {@code depth} (visible plus in-flight messages) reads zero twice in a row; fails with the last
     * depth read when {@code atMost} passes first.
     */
    public static void await(String queue, IntSupplier depth, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        int zerosInARow = 0;
        int last;
        while (true) {
            last = depth.getAsInt();
            zerosInARow = last == 0 ? zerosInARow + 1 : 0;
            if (zerosInARow == 2) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("queue " + queue + " did not read empty twice in a row within "
                        + atMost.toMillis() + " ms; last read: " + last + " message(s), visible or in flight");
            }
            sleep(GAP);
        }
    }

    private static void sleep(Duration gap) {
        try {
            Thread.sleep(gap.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a queue to empty", e);
        }
    }
}
