package io.triggermesh.aws.controller.runtime;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/** Ready once the leader's informers have synced; a standby replica is ready at once. */
@Singleton
@Readiness
public class ControllerHealthIndicator implements HealthIndicator {

    private final ControllerRuntime runtime;

    public ControllerHealthIndicator(ControllerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean synced = runtime.isSynced();
        return Publishers.just(HealthResult.builder("controller", synced ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("leader", runtime.isLeader(), "synced", synced)).build());
    }
}
