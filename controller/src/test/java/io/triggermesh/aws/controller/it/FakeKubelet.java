package io.triggermesh.aws.controller.it;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.triggermesh.aws.cluster.DeploymentStatuses;
import io.triggermesh.aws.cluster.DeploymentStatuses.State;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a cluster's kubelet and Deployment controller do for the scenario ITs, which run no adapters: every
 * Deployment is reported available (its one replica passes its readiness probe) unless a test holds it unavailable,
 * the way an adapter whose {@code /health} answers 503 would be.
 */
final class FakeKubelet implements AutoCloseable {

    private final KubernetesClient kube;
    private final Set<String> unavailable = ConcurrentHashMap.newKeySet();
    private final SharedIndexInformer<Deployment> informer;

    FakeKubelet(KubernetesClient kube) {
        this.kube = kube;
        this.informer = kube.apps().deployments().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment deployment) {
                report(deployment);
            }

            @Override
            public void onUpdate(Deployment before, Deployment after) {
                report(after);
            }

            @Override
            public void onDelete(Deployment deployment, boolean unknown) {
            }
        }, 0);
    }

    /** From now on Deployment {@code name} has no available replica (its adapter's readiness probe fails). */
    void holdUnavailable(String name) {
        unavailable.add(name);
        informer.getStore().list().stream().filter(d -> d.getMetadata().getName().equals(name)).forEach(this::report);
    }

    /** Deployment {@code name} becomes available again. */
    void release(String name) {
        unavailable.remove(name);
        informer.getStore().list().stream().filter(d -> d.getMetadata().getName().equals(name)).forEach(this::report);
    }

    private synchronized void report(Deployment deployment) {
        Deployment latest = kube.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                .withName(deployment.getMetadata().getName()).get();
        if (latest == null) {
            return;
        }
        State state = unavailable.contains(latest.getMetadata().getName()) ? State.UNAVAILABLE : State.AVAILABLE;
        DeploymentStatus next = DeploymentStatuses.status(latest, state, Instant.now());
        DeploymentStatus now = latest.getStatus();
        if (now != null && Objects.equals(now.getObservedGeneration(), next.getObservedGeneration())
                && Objects.equals(now.getAvailableReplicas(), next.getAvailableReplicas())) {
            return;
        }
        try {
            kube.apps().deployments().inNamespace(latest.getMetadata().getNamespace())
                    .resource(new DeploymentBuilder(latest).withStatus(next).build()).updateStatus();
        } catch (KubernetesClientException e) {
            // Changed meanwhile: the informer delivers the new version, which is reported in turn.
        }
    }

    @Override
    public void close() {
        informer.close();
    }
}
