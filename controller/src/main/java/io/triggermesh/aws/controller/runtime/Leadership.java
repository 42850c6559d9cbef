package io.triggermesh.aws.controller.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.triggermesh.aws.controller.config.ControllerSettings;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election with a coordination.k8s.io Lease (fabric8's elector), so two or more replicas can run and only
 * one reconciles. A replica that loses the lease stops reconciling and campaigns again.
 */
final class Leadership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final KubernetesClient client;
    private final ControllerSettings settings;
    private final Runnable onStart;
    private final Runnable onStop;
    private final String identity;
    private volatile boolean closed;
    private volatile CompletableFuture<?> campaign;

    Leadership(KubernetesClient client, ControllerSettings settings, Runnable onStart, Runnable onStop) {
        this.client = client;
        this.settings = settings;
        this.onStart = onStart;
        this.onStop = onStop;
        String host = System.getenv("HOSTNAME");
        this.identity = (host == null || host.isBlank() ? "controller" : host) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    void start() {
        if (closed) {
            return;
        }
        LeaderElector elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(settings.leaseName())
                .withLock(new LeaseLock(settings.effectiveLeaseNamespace(), settings.leaseName(), identity))
                .withLeaseDuration(Duration.ofSeconds(15))
                .withRenewDeadline(Duration.ofSeconds(10))
                .withRetryPeriod(Duration.ofSeconds(2))
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(onStart, this::lost,
                        leader -> LOG.info("Lease {} held by {}", settings.leaseName(), leader)))
                .build()).build();
        campaign = elector.start();
    }

    private void lost() {
        onStop.run();
        if (!closed) {
            LOG.warn("Lost lease {}; campaigning again", settings.leaseName());
            CompletableFuture.runAsync(this::start);
        }
    }

    String identity() {
        return identity;
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<?> current = campaign;
        if (current != null) {
            current.cancel(true);
        }
    }
}
