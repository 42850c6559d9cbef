package io.triggermesh.aws.e2e.suite;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints one table for the whole e2e run (scenario, result, seconds) when the test engine finishes, so the end of
 * the build log says what the suite proved. Register with {@code @ExtendWith(Summary.class)} on each suite class.
 */
public final class Summary implements BeforeTestExecutionCallback, AfterTestExecutionCallback, TestWatcher {

    private record Row(String scenario, String result, double seconds) {
    }

    private static final List<Row> ROWS = new CopyOnWriteArrayList<>();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Summary.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("start", System.nanoTime());
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("printer", k -> new Printer(), Printer.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        long start = context.getStore(NAMESPACE).getOrDefault("start", Long.class, System.nanoTime());
        context.getStore(NAMESPACE).put("seconds", (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        add(context, "passed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        add(context, "FAILED");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("printer", k -> new Printer(), Printer.class);
        String why = String.valueOf(cause.getMessage()).strip().lines().findFirst().orElse("")
                .replaceAll("^\\[(.*)]$", "$1");
        add(context, "skipped: " + why);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        add(context, "disabled" + reason.map(r -> ": " + r).orElse(""));
    }

    private static void add(ExtensionContext context, String result) {
        double seconds = context.getStore(NAMESPACE).getOrDefault("seconds", Double.class, 0.0);
        String suite = context.getRequiredTestClass().getSimpleName().replaceAll("IT$", "");
        ROWS.add(new Row(suite + " / " + context.getDisplayName().replaceAll("\\(\\)$", ""), result, seconds));
    }

    /** Closed by JUnit when the engine finishes: prints the table. */
    private static final class Printer implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            int width = ROWS.stream().mapToInt(r -> r.scenario().length()).max().orElse(10);
            StringBuilder out = new StringBuilder("\n=== e2e summary ===\n");
            out.append(String.format("%-" + width + "s  %8s  %s%n", "scenario", "seconds", "result"));
            double total = 0;
            for (Row row : ROWS) {
                out.append(String.format("%-" + width + "s  %8.1f  %s%n", row.scenario(), row.seconds(),
                        row.result()));
                total += row.seconds();
            }
            long failed = ROWS.stream().filter(r -> r.result().equals("FAILED")).count();
            out.append(String.format("%d scenarios, %d failed, %.0f s%n", ROWS.size(), failed, total));
            System.out.print(out);
        }
    }
}
