package io.triggermesh.aws.adapter.sink;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
public final class RetryAfter {

    /** Longer requests are capped: an hour is already far beyond any sensible retry delay. */
    public static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    /** The delay {@code value} asks for, capped at {@link #MAX}; empty when absent or unreadable. */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        Duration delay;
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                delay = Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException e) {
                delay = MAX;
            }
        } else {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                delay = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        return Optional.of(delay.compareTo(MAX) > 0 ? MAX : delay);
    }
}
