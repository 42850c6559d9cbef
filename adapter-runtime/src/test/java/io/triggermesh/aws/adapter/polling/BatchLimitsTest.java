package io.triggermesh.aws.adapter.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchLimitsTest {

    @Test
    void aDeliveryWaitsForRoomAsLongAsTheVisibilityTimeoutWhileExtensionsKeepItsMessageHidden() {
        QueueConsumerSettings settings = QueueConsumerSettings.defaults().withVisibilityTimeout(Duration.ofSeconds(30));

        assertThat(settings.extendsVisibility()).isTrue();
        assertThat(BatchLimits.deletes(settings).maxWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withoutExtensionsADeliveryWaitsAtMostHalfTheVisibilityTimeoutSoItsDeleteBeatsTheReceiptHandle() {
        // Under 2 s there is nothing to extend: the message comes back when its visibility timeout runs out.
        QueueConsumerSettings settings = QueueConsumerSettings.defaults().withVisibilityTimeout(Duration.ofSeconds(1));

        assertThat(settings.extendsVisibility()).isFalse();
        assertThat(BatchLimits.deletes(settings).maxWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(BatchLimits.visibility(settings).maxWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(BatchLimits.deletes(settings.withVisibilityTimeout(Duration.ZERO)).maxWait())
                .as("never less than a moment").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theBoundLeavesRoomForEveryFullCallAndOneBatchFilling() {
        assertThat(BatchLimits.maxHeld(52, BatchLimits.FULL_CALLS)).isEqualTo(90);
        assertThat(BatchLimits.maxHeld(200, BatchLimits.FULL_CALLS)).isEqualTo(200);
        assertThat(BatchLimits.maxHeld(52, 1)).isEqualTo(52);
    }
}
