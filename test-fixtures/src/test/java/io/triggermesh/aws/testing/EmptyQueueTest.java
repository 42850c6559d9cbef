package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class EmptyQueueTest {

    /** Reads the given depths in order, then the last one forever; counts the reads. */
    private static final class Reads implements IntSupplier {
        private final Deque<Integer> depths;
        private int last;
        int count;

        Reads(Integer... depths) {
            this.depths = new ArrayDeque<>(List.of(depths));
        }

        @Override
        public int getAsInt() {
            count++;
            if (!depths.isEmpty()) {
                last = depths.poll();
            }
            return last;
        }
    }

    @Test
    void aSingleZeroBetweenMessagesIsNotAnEmptyQueue() {
        // 1, then the false zero of a message whose visibility ends between moto's two counts, then 1 again.
        Reads reads = new Reads(1, 0, 1, 0, 0);

        EmptyQueue.await("q", reads, Duration.ofSeconds(30));

        assertThat(reads.count).isEqualTo(5);
    }

    @Test
    void anEmptyQueueReadsZeroTwiceAndReturns() {
        Reads reads = new Reads(0);

        EmptyQueue.await("q", reads, Duration.ofSeconds(30));

        assertThat(reads.count).isEqualTo(2);
    }

    @Test
    void aQueueThatNeverEmptiesFailsWithItsNameAndLastDepth() {
        assertThatThrownBy(() -> EmptyQueue.await("orders", new Reads(3, 0, 2), Duration.ofMillis(700)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("orders").hasMessageContaining("last read: 2 message(s)");
    }
}
