package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against a mock API server: which changes requeue which objects. */
@EnableKubernetesMockClient(crud = true)
class ReferencedSecretPollerIT {

    static KubernetesClient client;

    private final ReconcileKey orders = new ReconcileKey("targets.triggermesh.io/AWSSQSTarget", "team", "orders");
    private final ReconcileKey audit = new ReconcileKey("sources.triggermesh.io/AWSSQSSource", "team", "audit");
    private final ReconcileKey other = new ReconcileKey("targets.triggermesh.io/AWSS3Target", "team", "other");
    private final List<ReferencedSecretPoller.Reference> references = new ArrayList<>();
    private final List<ReconcileKey> requeued = new CopyOnWriteArrayList<>();
    private ReferencedSecretPoller poller;

    @BeforeEach
    void poller() {
        // Polled by hand: the interval never elapses within a test.
        poller = new ReferencedSecretPoller(client, () -> references, requeued::add, Duration.ofMinutes(1), 1000);
    }

    @Test
    void aChangedSecretRequeuesEveryObjectThatReferencesItAndNoOther() throws InterruptedException {
        client.resource(secret("shared-keys", "v1")).create();
        client.resource(secret("other-keys", "v1")).create();
        references.add(new ReferencedSecretPoller.Reference(orders, Set.of("shared-keys")));
        references.add(new ReferencedSecretPoller.Reference(audit, Set.of("shared-keys")));
        references.add(new ReferencedSecretPoller.Reference(other, Set.of("other-keys")));

        assertThat(poller.poll()).as("first sight: it may have changed since the pass that read it")
                .containsExactlyInAnyOrder(orders, audit, other);
        requeued.clear();
        assertThat(poller.poll()).as("nothing changed").isEmpty();

        client.resource(secret("shared-keys", "v2")).update();
        assertThat(poller.poll()).containsExactlyInAnyOrder(orders, audit);
        assertThat(requeued).containsExactlyInAnyOrder(orders, audit);
        assertThat(poller.poll()).isEmpty();
    }

    @Test
    void aReferencedSecretThatAppearsOrGoesRequeuesItsObjects() throws InterruptedException {
        references.add(new ReferencedSecretPoller.Reference(orders, Set.of("late-keys")));
        poller.poll();
        assertThat(poller.poll()).isEmpty();

        client.resource(secret("late-keys", "v1")).create();
        assertThat(poller.poll()).containsExactly(orders);

        client.secrets().inNamespace("team").withName("late-keys").delete();
        assertThat(poller.poll()).containsExactly(orders);
    }

    @Test
    void secretsNoLongerReferencedAreForgotten() throws InterruptedException {
        client.resource(secret("gone-keys", "v1")).create();
        references.add(new ReferencedSecretPoller.Reference(orders, Set.of("gone-keys")));
        poller.poll();
        assertThat(poller.poll()).isEmpty();
        references.clear();
        client.resource(secret("gone-keys", "v2")).update();
        assertThat(poller.poll()).isEmpty();

        references.add(new ReferencedSecretPoller.Reference(orders, Set.of("gone-keys")));
        assertThat(poller.poll()).as("seen afresh").containsExactly(orders);
        assertThat(poller.poll()).isEmpty();
    }

    @Test
    void secretReadsAreSpacedByThePacerInsteadOfSentAsABurst() throws InterruptedException {
        List<Long> sleeps = new CopyOnWriteArrayList<>();
        long[] clock = {0};
        Pacer pacer = new Pacer(100, () -> clock[0], nanos -> {
            sleeps.add(nanos);
            clock[0] += nanos;
        });
        poller = new ReferencedSecretPoller(client, () -> references, requeued::add, Duration.ofMinutes(1), pacer);
        references.add(new ReferencedSecretPoller.Reference(orders, Set.of("a", "b", "c", "d")));

        poller.poll();

        assertThat(sleeps).as("four reads, the first at once, each next one a period later")
                .containsExactly(100L, 100L, 100L);
    }

    private static Secret secret(String name, String value) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("team").endMetadata()
                .withStringData(Map.of("key", value)).build();
    }
}
