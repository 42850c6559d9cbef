package io.triggermesh.aws.spi.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 100m}, {@code 0.5}, {@code 128Mi}, {@code 1e3}), parsed by the grammar of
 * k8s.io/apimachinery's {@code resource.Quantity}: a number with at most one '.', then one binary suffix (Ki … Ei),
 * one decimal suffix (m, k, M … E) or one exponent ({@code e3}, {@code E-2}). Resource requests and limits are never
 * negative, so a sign other than '+' is refused here too.
 *
 * @param value the amount in base units (cores, bytes), for comparing a request with its limit
 */
record Quantity(BigDecimal value) {

    private static final Pattern SYNTAX =
            Pattern.compile("([+-]?)([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]|[eE][+-]?[0-9]{1,3})?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("m", BigDecimal.ONE.movePointLeft(3)),
            Map.entry("k", BigDecimal.ONE.movePointRight(3)),
            Map.entry("M", BigDecimal.ONE.movePointRight(6)),
            Map.entry("G", BigDecimal.ONE.movePointRight(9)),
            Map.entry("T", BigDecimal.ONE.movePointRight(12)),
            Map.entry("P", BigDecimal.ONE.movePointRight(15)),
            Map.entry("E", BigDecimal.ONE.movePointRight(18)),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
            Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
            Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
            Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
            Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

    /** The quantity {@code text} denotes, or why it denotes none (a phrase that follows the quoted value). */
    static Result parse(String text) {
        Matcher m = text == null ? null : SYNTAX.matcher(text);
        if (m == null || !m.matches()) {
            return new Result(Optional.empty(), "is not a Kubernetes quantity");
        }
        if (m.group(1).equals("-")) {
            return new Result(Optional.empty(), "is negative; resources cannot be");
        }
        BigDecimal number = new BigDecimal(m.group(2).endsWith(".") ? m.group(2) + "0" : m.group(2));
        String suffix = m.group(3) == null ? "" : m.group(3);
        // "E" alone is exa; "E" or "e" with digits is an exponent.
        BigDecimal value = suffix.length() > 1 && (suffix.startsWith("e") || suffix.startsWith("E"))
                ? number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)))
                : number.multiply(SUFFIXES.get(suffix));
        return new Result(Optional.of(new Quantity(value)), "");
    }

    /**
     * What {@link #parse} found.
     *
     * @param quantity the quantity, when the text is one
     * @param problem why it is not, otherwise
     */
    record Result(Optional<Quantity> quantity, String problem) {
    }
}
