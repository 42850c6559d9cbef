package io.triggermesh.aws.controller.reconcile;

import java.util.List;

/**
 * What one step of the {@link DesiredPipeline} concluded, the one result type of every step: the writes it wants
 * (applied by the {@link Cluster}, not by the step), a condition for the status, how the work queue should
 * proceed, and a value later steps use (the ServiceAccount plan, the credentials version).
 *
 * @param value what later steps need from this one, or {@code null}
 * @param condition the condition this step sets, or {@code null} when it sets none
 * @param result how the work queue should proceed
 * @param changes the writes, in order; empty when the step found something in the way
 * @param <T> the type of {@link #value}
 */
record StepOutcome<T>(T value, Condition condition, Result result, List<Change> changes) {

    StepOutcome {
        changes = List.copyOf(changes);
    }

    static <T> StepOutcome<T> of(T value, Condition condition, Result result, List<Change> changes) {
        return new StepOutcome<>(value, condition, result, changes);
    }

    /** A step that writes nothing and only reports {@code condition}. */
    static <T> StepOutcome<T> blocked(Condition condition, Result result) {
        return new StepOutcome<>(null, condition, result, List.of());
    }
}
