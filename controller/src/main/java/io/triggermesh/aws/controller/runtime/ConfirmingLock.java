package io.triggermesh.aws.controller.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Lease lock that reports each renewal the API server accepted for this identity, with the renew time written
 * into the Lease: the instant other replicas count the Lease's expiry from. fabric8's elector does not expose
 * successful renewals; {@link Leadership}'s watchdog needs them.
 */
final class ConfirmingLock implements Lock {

    private final Lock delegate;
    private final Consumer<Instant> confirmed;

    ConfirmingLock(Lock delegate, Consumer<Instant> confirmed) {
        this.delegate = delegate;
        this.confirmed = confirmed;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        return delegate.get(client);
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        delegate.create(client, record);
        report(record);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        delegate.update(client, record);
        report(record);
    }

    @Override
    public String identity() {
        return delegate.identity();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    private void report(LeaderElectionRecord record) {
        if (Objects.equals(record.getHolderIdentity(), delegate.identity()) && record.getRenewTime() != null) {
            confirmed.accept(record.getRenewTime().toInstant());
        }
    }
}
