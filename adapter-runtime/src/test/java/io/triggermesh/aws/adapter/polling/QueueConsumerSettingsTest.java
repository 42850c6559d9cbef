package io.triggermesh.aws.adapter.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.adapter.AdapterConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueConsumerSettingsTest {

    @Test
    void defaultsLongPollTwentySecondsWithBoundedMemory() {
        QueueConsumerSettings settings = QueueConsumerSettings.fromConfig(AdapterConfig.fromEnvironment(Map.of()));

        assertThat(settings).isEqualTo(QueueConsumerSettings.defaults());
        assertThat(settings.waitTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.maxInFlight()).isEqualTo(52);
    }

    @Test
    void operatorsMayTuneThroughTheEnvironment() {
        QueueConsumerSettings settings = QueueConsumerSettings.fromConfig(AdapterConfig.fromEnvironment(Map.of(
                "SQS_POLLERS", "4", "SINK_CONCURRENCY", "32", "VISIBILITY_TIMEOUT_SECONDS", "120",
                "MAX_RECEIVES", "3")));

        assertThat(settings.pollers()).isEqualTo(4);
        assertThat(settings.senders()).isEqualTo(32);
        assertThat(settings.maxInFlight()).isEqualTo(104);
        assertThat(settings.visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.maxReceives()).isEqualTo(3);
    }

    @Test
    void outOfRangeValuesNameTheVariable() {
        assertThatThrownBy(() -> QueueConsumerSettings.fromConfig(AdapterConfig.fromEnvironment(Map.of(
                "VISIBILITY_TIMEOUT_SECONDS", "50000")))).hasMessageStartingWith("VISIBILITY_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> QueueConsumerSettings.fromConfig(AdapterConfig.fromEnvironment(Map.of(
                "SQS_POLLERS", "0")))).hasMessageStartingWith("SQS_POLLERS must be between 1 and 64");
    }
}
