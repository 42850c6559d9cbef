package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two controller replicas with leader election on (a Lease in the default lease namespace). */
class LeaderElectionIT extends ControllerScenario {

    private static final String LEASE_NAMESPACE = "triggermesh";
    private static final String LEASE = "triggermesh-controller";
    /** The Lease lasts 15 s: a follower takes over by then even if the leader could not release it. */
    private static final Duration TAKEOVER = Duration.ofSeconds(25);
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

    private static List<ControllerHarness> leaders(List<ControllerHarness> replicas) {
        return replicas.stream().filter(r -> r.runtime().isLeader()).toList();
    }

    private String holderIdentity() {
        var lease = kube.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }
}
