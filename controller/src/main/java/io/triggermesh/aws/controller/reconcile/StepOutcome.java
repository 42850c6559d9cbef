package io.triggermesh.aws.controller.reconcile;

import java.util.List;

/**
 * What one reconcile step concluded: a condition for the status, Events to emit if the condition changed, and how
 * the work queue should proceed.
 */
record StepOutcome(Condition condition, Result result, List<String> warnings) {

    static StepOutcome ok(Condition condition) {
        return new StepOutcome(condition, Result.done(), List.of());
    }

    static StepOutcome of(Condition condition, Result result) {
        return new StepOutcome(condition, result, List.of());
    }
}
