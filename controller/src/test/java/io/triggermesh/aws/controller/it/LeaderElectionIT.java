package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Two controller replicas with leader election on (a Lease in the default lease namespace). */
class LeaderElectionIT extends ControllerScenario {

    private static final String LEASE_NAMESPACE = "triggermesh";
    private static final String LEASE = "triggermesh-controller";
    /** The Lease lasts 15 s: a follower takes over by then even if the leader could not release it. */
    private static final Duration TAKEOVER = Duration.ofSeconds(25);
    /** A leader that cannot renew for this long stops reconciling (client-go's 10 s)... */
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
    /** ...give or take its watchdog's tick and the test's polling. */
    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final String KEYS = "{credentials: {accessKeyID: {value: AKIDLEADER},"
            + " secretAccessKey: {value: leader-secret}}}";

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.leader-election", true);
    }

    @Test
    void twoReplicasElectOneLeaderAndTheOtherTakesOverWhenItStops() {
        try (ControllerHarness second = startController()) {
            List<ControllerHarness> replicas = List.of(controller, second);
            ControllerHarness leader = await().atMost(CONVERGE).until(() -> leaders(replicas), l -> l.size() == 1)
                    .get(0);
            ControllerHarness follower = leader == controller ? second : controller;
            String holder = holderIdentity();
            assertThat(holder).isNotBlank();

            sqsTarget("under-first-leader", KEYS);
            awaitReady(TARGETS, SQS_TARGET, "under-first-leader");
            assertThat(leaders(replicas)).containsExactly(leader);

            leader.close();

            await().atMost(TAKEOVER).until(() -> follower.runtime().isLeader());
            assertThat(holderIdentity()).isNotEqualTo(holder);
            sqsTarget("under-second-leader", KEYS);
            awaitReady(TARGETS, SQS_TARGET, "under-second-leader");
            assertThat(deployment("awssqstarget-under-second-leader")).isNotNull();
        }
    }

    @Test
    void aLeaderCutOffFromTheApiStopsReconcilingWithinTheRenewDeadlineBeforeAnotherTakesOver() throws Exception {
        controller.close();  // releases the Lease: the replica behind the proxy gets it at once
        URI api = URI.create(kube.getConfiguration().getMasterUrl());
        FaultProxy proxy = FaultProxy.start(api.getHost(), api.getPort());
        Path viaProxy = workDir.resolve("kubeconfig-via-proxy");
        Files.writeString(viaProxy, Files.readString(cluster.kubeconfig())
                .replace(api.getHost() + ":" + api.getPort(), api.getHost() + ":" + proxy.port()));
        Map<String, Object> properties = new HashMap<>(controllerProperties());
        properties.put("triggermesh.kubernetes.kubeconfig", viaProxy.toString());
        ControllerHarness cutOff = ControllerHarness.start(cluster, aws.endpoint().toString(), properties);
        await().atMost(CONVERGE).until(() -> cutOff.runtime().isLeader());
        try (ControllerHarness standby = startController()) {
            sqsTarget("before-the-cut", KEYS);
            awaitDeployment("awssqstarget-before-the-cut");
            assertThat(standby.runtime().isLeader()).isFalse();

            proxy.blackhole();
            Instant cut = Instant.now();
            AtomicReference<Instant> stopped = new AtomicReference<>();
            AtomicReference<Instant> tookOver = new AtomicReference<>();
            await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(50)).until(() -> {
                Instant now = Instant.now();
                if (!cutOff.runtime().isLeader()) {
                    stopped.compareAndSet(null, now);
                }
                if (standby.runtime().isLeader()) {
                    tookOver.compareAndSet(null, now);
                }
                return stopped.get() != null && tookOver.get() != null;
            });
            long passesWhenStopped = cutOff.reconcilePasses();

            assertThat(Duration.between(cut, stopped.get())).as("cut to the old leader stopping")
                    .isLessThanOrEqualTo(RENEW_DEADLINE.plus(MARGIN));
            assertThat(stopped.get()).as("the old leader stops before the new one starts").isBefore(tookOver.get());

            sqsTarget("after-the-cut", KEYS);
            awaitDeployment("awssqstarget-after-the-cut");
            assertThat(cutOff.reconcilePasses()).as("passes of the cut-off replica after it stopped")
                    .isEqualTo(passesWhenStopped);
        } finally {
            proxy.close();
            cutOff.close();
        }
    }

    private static List<ControllerHarness> leaders(List<ControllerHarness> replicas) {
        return replicas.stream().filter(r -> r.runtime().isLeader()).toList();
    }

    private String holderIdentity() {
        var lease = kube.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }
}
