package io.triggermesh.aws.controller.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.ApplicationContext;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.controller.runtime.ControllerRuntime;
import java.util.HashMap;
import java.util.Map;

/** The real controller (the application context the jar's {@code run} command uses), pointed at a mock cluster. */
final class ControllerHarness implements AutoCloseable {

    private final ApplicationContext context;
    private final ControllerRuntime runtime;
    private boolean closed;

    private ControllerHarness(ApplicationContext context) {
        this.context = context;
        this.runtime = context.getBean(ControllerRuntime.class);
    }

    static ControllerHarness start(InMemoryCluster cluster, String awsEndpoint, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("triggermesh.kubernetes.kubeconfig", cluster.kubeconfig().toString());
        properties.put("triggermesh.controller.leader-election", false);
        properties.put("triggermesh.controller.initial-backoff", "200ms");
        properties.put("triggermesh.controller.max-backoff", "2s");
        properties.put("triggermesh.controller.aws-endpoint", awsEndpoint);
        properties.put("micronaut.server.port", -1);
        properties.putAll(extra);
        ControllerHarness harness = new ControllerHarness(ApplicationContext.run(properties));
        harness.runtime.start();
        return harness;
    }

    ControllerRuntime runtime() {
        return runtime;
    }

    /** A bean of this replica's application context, such as its settings or plugin registry. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Reconcile passes this replica has run, from its own metrics. */
    long reconcilePasses() {
        return context.getBean(MeterRegistry.class).find("triggermesh.reconcile").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    /** Stops this replica; safe to call again (tests stop a leader early, teardown closes everything). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        runtime.close();
        context.close();
    }
}
