package io.triggermesh.aws.controller.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triggermesh.aws.controller.reconcile.Result;
import java.time.Duration;

/**
 * Prometheus metrics of the reconcile loop: {@code triggermesh_reconcile_seconds} (count and duration by kind and
 * outcome) and {@code triggermesh_reconcile_errors_total} (by kind and reason).
 */
final class ReconcileMetrics {

    private final MeterRegistry registry;

    ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String kind, Result result, Duration took) {
        String outcome = result.failed() ? "error" : result.requeue().isPresent() ? "requeue" : "success";
        Timer.builder("triggermesh.reconcile").description("Reconcile passes by kind and outcome")
                .tag("kind", kind).tag("outcome", outcome).register(registry).record(took);
        if (result.failed()) {
            Counter.builder("triggermesh.reconcile.errors").description("Failed reconcile passes by reason")
                    .tag("kind", kind).tag("reason", result.failureReason()).register(registry).increment();
        }
    }
}
