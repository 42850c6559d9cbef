package io.triggermesh.aws.sqs.api;

import io.triggermesh.aws.spi.api.Shown;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as the original Go API wrote them: a sequence of decimal numbers, each with an optional fraction
 * and a unit, such as {@code 30s}, {@code 1.5h} or {@code 2h45m}. Units are {@code ns}, {@code us} (or {@code µs}),
 * {@code ms}, {@code s}, {@code m} and {@code h}; {@code 0} needs no unit.
 */
public final class GoDuration {

    private static final Pattern WHOLE = Pattern.compile("[-+]?((\\d+(\\.\\d*)?|\\.\\d+)[^\\d.]+)+");
    private static final Pattern COMPONENT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([^\\d.]+)");
    private static final Map<String, BigDecimal> NANOS_PER_UNIT = Map.of(
            "ns", BigDecimal.ONE,
            "us", BigDecimal.valueOf(1_000L),
            "\u00b5s", BigDecimal.valueOf(1_000L),
            "\u03bcs", BigDecimal.valueOf(1_000L),
            "ms", BigDecimal.valueOf(1_000_000L),
            "s", BigDecimal.valueOf(1_000_000_000L),
            "m", BigDecimal.valueOf(60_000_000_000L),
            "h", BigDecimal.valueOf(3_600_000_000_000L));
    // Far beyond anything a spec needs; keeps the arithmetic inside Duration's range.
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * The duration {@code text} denotes.
     *
     * @throws IllegalArgumentException with a message that says what to write instead, phrased to follow the
     *     field's path (for example {@code "'30' has no unit: write 30s"})
     */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("is empty: write a duration such as 30s or 5m");
        }
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (unsigned.equals("0")) {
            return Duration.ZERO;
        }
        if (unsigned.matches("\\d+(\\.\\d*)?")) {
            throw new IllegalArgumentException(Shown.quoted(text) + " has no unit: write " + Shown.quoted(text + "s") + " for seconds (or use"
                    + " m, h, ms)");
        }
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException(Shown.quoted(text) + " is not a duration: write for example 30s, 5m or 1h30m");
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher m = COMPONENT.matcher(unsigned);
        while (m.find()) {
            BigDecimal perUnit = NANOS_PER_UNIT.get(m.group(2));
            if (perUnit == null) {
                throw new IllegalArgumentException(Shown.quoted(text) + " uses unit " + Shown.quoted(m.group(2)) + ": use ns, us, ms,"
                        + " s, m or h, for example 30s or 5m");
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(perUnit));
            if (nanos.compareTo(MAX_NANOS) > 0) {
                throw new IllegalArgumentException(Shown.quoted(text) + " is too long a duration");
            }
        }
        Duration result = Duration.ofNanos(nanos.longValue());
        return text.startsWith("-") ? result.negated() : result;
    }
}
