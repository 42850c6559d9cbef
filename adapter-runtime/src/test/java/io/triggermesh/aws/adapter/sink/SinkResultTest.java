package io.triggermesh.aws.adapter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SinkResultTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void twoHundredsAreAccepted(int status) {
        assertThat(SinkResult.ofStatus(status, "", Optional.empty())).isInstanceOf(SinkResult.Accepted.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 413, 415, 422})
    void otherClientErrorsAreRejectionsNotRetries(int status) {
        assertThat(SinkResult.ofStatus(status, "", Optional.empty())).isInstanceOf(SinkResult.Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 408, 409, 429, 500, 502, 503, 504})
    void knativeRetryableStatusesAreRetryable(int status) {
        assertThat(SinkResult.ofStatus(status, "", Optional.of(Duration.ofSeconds(3))))
                .isEqualTo(new SinkResult.Retryable(status, "", Optional.of(Duration.ofSeconds(3))));
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Mon, 02 Nov 2026 10:00:30 GMT", CLOCK)).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterIsCappedAndNeverNegative() {
        assertThat(RetryAfter.parse("999999999999999999999", CLOCK)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Mon, 02 Nov 2026 09:00:00 GMT", CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
    }
}
