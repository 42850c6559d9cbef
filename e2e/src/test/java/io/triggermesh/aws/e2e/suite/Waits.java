package io.triggermesh.aws.e2e.suite;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline and a message that says what was awaited (and, optionally, what was seen). */
final class Waits {

    private Waits() {
    }

    static <T> T value(String what, Duration atMost, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + atMost.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            sleep();
        }
        throw new AssertionError("timed out after " + atMost.toSeconds() + "s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }

    static void until(String what, Duration atMost, BooleanSupplier condition) {
        until(what, atMost, condition, () -> "");
    }

    static void until(String what, Duration atMost, BooleanSupplier condition, Supplier<String> seen) {
        try {
            value(what, atMost, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
        } catch (AssertionError e) {
            String detail = seen.get();
            throw new AssertionError(e.getMessage() + (detail.isEmpty() ? "" : "; seen: " + detail));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
