package io.triggermesh.aws.s3.adapter.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.polling.QueueConsumerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SourceAdapterSettingsTest {

    @Test
    void fourPollersByDefaultWithTheEnginesOtherDefaults() {
        QueueConsumerSettings settings = S3SourceAdapter.settings(AdapterConfig.fromEnvironment(Map.of()));
        QueueConsumerSettings engine = QueueConsumerSettings.defaults();

        assertThat(settings.pollers()).isEqualTo(4);
        assertThat(settings.senders()).isEqualTo(engine.senders());
        assertThat(settings.visibilityTimeout()).isEqualTo(engine.visibilityTimeout());
        assertThat(settings.maxReceives()).isEqualTo(engine.maxReceives());
    }

    @Test
    void theOperatorsSettingsWin() {
        QueueConsumerSettings settings = S3SourceAdapter.settings(AdapterConfig.fromEnvironment(Map.of(
                "SQS_POLLERS", "1", "SINK_CONCURRENCY", "3", "MAX_IN_FLIGHT_MESSAGES", "7")));
        QueueConsumerSettings inFlightOnly = S3SourceAdapter.settings(AdapterConfig.fromEnvironment(Map.of(
                "MAX_IN_FLIGHT_MESSAGES", "7")));

        assertThat(settings.pollers()).isEqualTo(1);
        assertThat(settings.senders()).isEqualTo(3);
        assertThat(settings.maxInFlight()).isEqualTo(7);
        assertThat(inFlightOnly.pollers()).isEqualTo(4);
        assertThat(inFlightOnly.maxInFlight()).isEqualTo(7);
    }
}
