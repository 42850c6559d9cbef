package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private long now = 1_000;
    private final List<Long> sleeps = new ArrayList<>();
    private final Pacer pacer = new Pacer(50, () -> now, nanos -> {
        sleeps.add(nanos);
        now += nanos;
    });

    @Test
    void theFirstCallGoesAtOnceAndTheNextWaitsForTheRestOfThePeriod() throws InterruptedException {
        pacer.awaitTurn();
        now += 20;
        pacer.awaitTurn();

        assertThat(sleeps).containsExactly(30L);
    }

    @Test
    void aCallAfterALongPauseGoesAtOnceButTheOneAfterItIsSpacedAgain() throws InterruptedException {
        pacer.awaitTurn();
        now += 10_000;
        pacer.awaitTurn();
        pacer.awaitTurn();

        assertThat(sleeps).as("idle time is not saved up as a burst").containsExactly(50L);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> Pacer.perSecond(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
