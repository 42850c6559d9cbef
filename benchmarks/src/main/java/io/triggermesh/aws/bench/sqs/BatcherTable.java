package io.triggermesh.aws.bench.sqs;

import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The table {@link BatcherRun} ends with: each figure for the three contenders and ours against the SDK's two. */
final class BatcherTable {

    private BatcherTable() {
    }

    static void print(Map<String, BatcherPhases.Figures> figures, Map<String, Double> idleCpu) {
        System.out.println();
        System.out.println("| Figure (better) | ours | SDK defaults | SDK, flush = our linger | ours / SDK | ours /"
                + " SDK tuned |");
        System.out.println("|---|---|---|---|---|---|");
        for (String op : new String[] {"send", "delete"}) {
            for (int p : new int[] {16, 64}) {
                row(figures, op + "s, messages/s, " + p + " producers (higher)", op, p, BatcherPhases.Figures::rate,
                        "%.0f");
            }
            for (int p : new int[] {16, 64}) {
                row(figures, op + "s, CPU us/message, " + p + " producers (lower)", op, p,
                        BatcherPhases.Figures::cpuUsPerMsg, "%.1f");
            }
            row(figures, op + "s, p50 latency ms, 1 producer (lower)", op, 1, BatcherPhases.Figures::p50Ms, "%.2f");
            row(figures, op + "s, SQS calls/message, 64 producers (lower)", op, 64,
                    BatcherPhases.Figures::callsPerMsg, "%.3f");
            row(figures, op + "s, most calls in flight, 64 producers", op, 64, f -> f.maxInFlight(), "%.0f");
            idleRow(idleCpu, op);
        }
        for (int p : new int[] {16, 64}) {
            BatcherPhases.Figures x8 = figures.get("delete " + BatcherContenders.OURS_X8 + " " + p);
            BatcherPhases.Figures sdk = figures.get("delete sdk " + p);
            BatcherPhases.Figures tuned = figures.get("delete sdk-tuned " + p);
            if (x8 != null && sdk != null && tuned != null) {
                System.out.printf(Locale.ROOT, "| deletes, messages/s, %d producers, ours with 8 calls at once"
                        + " (higher) | %.0f | %.0f | %.0f | %s | %s |%n", p, x8.rate(), sdk.rate(), tuned.rate(),
                        ratio(x8.rate(), sdk.rate()), ratio(x8.rate(), tuned.rate()));
                System.out.printf(Locale.ROOT, "| deletes, CPU us/message, %d producers, ours with 8 calls at once"
                        + " (lower) | %.1f | %.1f | %.1f | %s | %s |%n", p, x8.cpuUsPerMsg(), sdk.cpuUsPerMsg(),
                        tuned.cpuUsPerMsg(), ratio(x8.cpuUsPerMsg(), sdk.cpuUsPerMsg()),
                        ratio(x8.cpuUsPerMsg(), tuned.cpuUsPerMsg()));
            }
        }
    }

    private static void idleRow(Map<String, Double> idleCpu, String op) {
        double[] v = BatcherContenders.NAMES.stream().mapToDouble(n -> idleCpu.getOrDefault(op + " " + n, Double.NaN))
                .toArray();
        System.out.printf(Locale.ROOT, "| %ss, CPU ms/s idle after the 1-producer phase (lower) | %.2f | %.2f | %.2f |"
                + " %s | %s |%n", op, v[0], v[1], v[2], ratio(v[0], v[1]), ratio(v[0], v[2]));
    }

    /** {@code a / b}, or a dash where that means nothing (b zero or unmeasured). */
    private static String ratio(double a, double b) {
        return b > 0 && !Double.isNaN(a) ? String.format(Locale.ROOT, "%.2fx", a / b) : "-";
    }

    private static void row(Map<String, BatcherPhases.Figures> figures, String label, String op, int producers,
                            ToDoubleFunction<BatcherPhases.Figures> value, String format) {
        double[] v = new double[BatcherContenders.NAMES.size()];
        StringBuilder line = new StringBuilder("| " + label + " |");
        for (int i = 0; i < v.length; i++) {
            BatcherPhases.Figures f = figures.get(op + " " + BatcherContenders.NAMES.get(i) + " " + producers);
            v[i] = f == null ? Double.NaN : value.applyAsDouble(f);
            line.append(' ').append(String.format(Locale.ROOT, format, v[i])).append(" |");
        }
        line.append(' ').append(ratio(v[0], v[1])).append(" | ").append(ratio(v[0], v[2])).append(" |");
        System.out.println(line);
    }
}
