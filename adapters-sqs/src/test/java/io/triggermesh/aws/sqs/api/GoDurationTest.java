package io.triggermesh.aws.sqs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0, PT0S",
        "0s, PT0S",
        "30s, PT30S",
        "5m, PT5M",
        "1h30m, PT1H30M",
        "2h45m30s, PT2H45M30S",
        "1.5h, PT1H30M",
        ".5s, PT0.5S",
        "1500ms, PT1.5S",
        "10us, PT0.00001S",
        "10µs, PT0.00001S",
        "7ns, PT0.000000007S",
        "+3m, PT3M",
        "-1m, PT-1M"})
    void parsesGoDurations(String text, String iso) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "1.5", "s", "5x", "1h 30m", "five minutes", "--5s", "5m-", "9999999999h"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"30|write '30s'", "5d|use ns, us, ms, s, m or h", "soon|for example 30s"})
    void messagesSayWhatToWriteInstead(String text, String advice) {
        assertThatThrownBy(() -> GoDuration.parse(text)).hasMessageContaining(advice);
    }
}
