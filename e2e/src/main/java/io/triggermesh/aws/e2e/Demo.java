package io.triggermesh.aws.e2e;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A demo's steps, each timed and recorded, and the summary table printed at the end. */
final class Demo {

    /** One step's outcome. */
    record Step(String name, boolean passed, String detail, double seconds) {
    }

    private final PrintStream out;
    private final List<Step> steps = new ArrayList<>();

    Demo(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code action}; a thrown exception or a false result fails the step with its message. */
    boolean step(String name, Supplier<String> action) {
        out.println();
        out.println("==> " + name);
        long start = System.nanoTime();
        boolean passed;
        String detail;
        try {
            detail = action.get();
            passed = true;
        } catch (RuntimeException e) {
            detail = e.getMessage() == null ? e.toString() : e.getMessage();
            passed = false;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        steps.add(new Step(name, passed, detail, seconds));
        out.println((passed ? "    ok: " : "    FAILED: ") + detail);
        return passed;
    }

    boolean allPassed() {
        return steps.stream().allMatch(Step::passed);
    }

    void summary() {
        out.println();
        int width = Math.max(4, steps.stream().mapToInt(s -> s.name().length()).max().orElse(4));
        out.println(String.format("%-" + width + "s  %-6s %8s", "step", "result", "seconds"));
        for (Step step : steps) {
            out.println(String.format("%-" + width + "s  %-6s %8.1f", step.name(), step.passed() ? "ok" : "FAILED",
                    step.seconds()));
        }
        long passed = steps.stream().filter(Step::passed).count();
        out.println(passed + " passed, " + (steps.size() - passed) + " failed");
    }

    /** Polls {@code probe} until it yields a value, or fails with {@code what} after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(250);  // polling an external system in a demo
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
