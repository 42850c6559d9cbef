package io.triggermesh.aws.controller.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.MeterRegistry;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions;
import io.triggermesh.aws.controller.config.ControllerSettings;
import io.triggermesh.aws.controller.config.SecretPollSettings;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.ConnectorReconciler;
import io.triggermesh.aws.controller.reconcile.Kinds;
import io.triggermesh.aws.controller.reconcile.ReconcileKey;
import io.triggermesh.aws.controller.reconcile.ReferencedSecretPoller;
import io.triggermesh.aws.controller.reconcile.Result;
import io.triggermesh.aws.controller.reconcile.WorkQueue;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles every kind the plugins declare while this replica leads: informers feed a keyed work queue, and
 * changes to owned ServiceAccounts, Deployments and Services requeue their owners. What it drives (the reconciler,
 * the validator) it is given as beans ({@link ControllerBeans}); it builds only its own parts: informers, the work
 * queue, leadership, the Secret poller and its metrics.
 */
@Singleton
public class ControllerRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerRuntime.class);

    private final KubernetesClient client;
    private final PluginRegistry registry;
    private final ControllerSettings settings;
    private final ConnectorReconciler reconciler;
    private final ReconcileMetrics metrics;
    private final Leadership leadership;
    private final Map<String, List<SharedIndexInformer<GenericKubernetesResource>>> kindInformers = new HashMap<>();
    private final List<SharedIndexInformer<?>> ownedInformers = new ArrayList<>();
    private final ObjectValidator validator;
    private final SecretPollSettings secretPoll;
    private ReferencedSecretPoller secretPoller;
    private volatile WorkQueue queue;

    public ControllerRuntime(KubernetesClient client, PluginRegistry registry, ControllerSettings settings,
                             ObjectValidator validator, ConnectorReconciler reconciler, MeterRegistry meters,
                             SecretPollSettings secretPoll) {
        this.client = client;
        this.registry = registry;
        this.settings = settings;
        this.secretPoll = secretPoll;
        this.validator = validator;
        this.reconciler = reconciler;
        this.metrics = new ReconcileMetrics(meters);
        this.leadership = new Leadership(client, settings, this::startReconciling, this::leadershipLost);
    }

    /** Starts campaigning for leadership (or reconciling at once when leader election is off). */
    public void start() {
        registry.describe().forEach(line -> LOG.info("Connector plugin {}", line));
        LOG.info("Starting; kinds: {}; namespaces: {}", registry.kinds().stream().map(LoadedKind::key).toList(),
                settings.namespaces().isEmpty() ? "all" : settings.namespaces());
        if (settings.leaderElection()) {
            leadership.start();
        } else {
            startReconciling();
        }
    }

    /** Whether this replica reconciles: false as soon as leadership can no longer be confirmed. */
    public boolean isLeader() {
        return queue != null && (!settings.leaderElection() || leadership.leading());
    }

    /** Whether every informer has listed its objects (true on a standby replica, which has none). */
    public synchronized boolean isSynced() {
        return kindInformers.values().stream().flatMap(List::stream).allMatch(SharedIndexInformer::hasSynced)
                && ownedInformers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    private synchronized void startReconciling() {
        if (queue != null) {
            return;
        }
        LOG.info("Leading: reconciling");
        queue = new WorkQueue(this::handle, settings.workers(), settings.initialBackoff(), settings.maxBackoff());
        WorkQueue current = queue;
        for (LoadedKind kind : registry.kinds()) {
            List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
            for (String namespace : namespacesOrAll()) {
                var resources = client.genericKubernetesResources(
                        Kinds.context(kind));
                var scoped = namespace == null ? resources.inAnyNamespace() : resources.inNamespace(namespace);
                informers.add(scoped.inform(new KindEvents(kind, current), settings.resync().toMillis()));
            }
            kindInformers.put(kind.key(), informers);
        }
        for (String namespace : namespacesOrAll()) {
            ownedInformers.add(ownedInformer(ServiceAccount.class, namespace, current,
                    ServiceAccountConventions.MANAGED_BY_LABEL));
            // ServiceAccounts labelled the original way are managed too, so their drift is repaired as well.
            ownedInformers.add(ownedInformer(ServiceAccount.class, namespace, current,
                    ServiceAccountConventions.LEGACY_MANAGED_BY_LABEL));
            ownedInformers.add(ownedInformer(Deployment.class, namespace, current,
                    ServiceAccountConventions.MANAGED_BY_LABEL));
            ownedInformers.add(ownedInformer(Service.class, namespace, current,
                    ServiceAccountConventions.MANAGED_BY_LABEL));
        }
        // The controller may not list or watch Secrets: rotations are noticed by reading the referenced ones.
        secretPoller = new ReferencedSecretPoller(client, this::referencedSecrets, current::add,
                secretPoll.interval(), secretPoll.readsPerSecond());
        secretPoller.start();
    }

    /** The Secrets each cached object's adapter reads. */
    private List<ReferencedSecretPoller.Reference> referencedSecrets() {
        Map<String, List<SharedIndexInformer<GenericKubernetesResource>>> informers;
        synchronized (this) {
            informers = new HashMap<>(kindInformers);
        }
        List<ReferencedSecretPoller.Reference> references = new ArrayList<>();
        for (LoadedKind kind : registry.kinds()) {
            for (SharedIndexInformer<GenericKubernetesResource> informer : informers.getOrDefault(kind.key(),
                    List.of())) {
                for (GenericKubernetesResource resource : informer.getStore().list()) {
                    ReferencedSecretPoller.of(kind, resource, validator).ifPresent(references::add);
                }
            }
        }
        return references;
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> SharedIndexInformer<T> ownedInformer(
            Class<T> type, String namespace, WorkQueue target, String managedByLabel) {
        var resources = client.resources(type);
        var scoped = namespace == null ? resources.inAnyNamespace() : resources.inNamespace(namespace);
        return scoped.withLabel(managedByLabel, ServiceAccountConventions.MANAGED_BY_VALUE)
                .inform(new OwnerEvents<>(registry, target::add), 0);
    }

    /** Another replica may be reconciling already: interrupt passes in progress instead of waiting for them. */
    private void leadershipLost() {
        WorkQueue current = queue;
        if (current != null) {
            current.abort();
        }
        stopReconciling();
    }

    private synchronized void stopReconciling() {
        if (queue == null) {
            return;
        }
        LOG.info("Stopping reconciling");
        if (secretPoller != null) {
            secretPoller.close();
            secretPoller = null;
        }
        kindInformers.values().stream().flatMap(List::stream).forEach(SharedIndexInformer::close);
        kindInformers.clear();
        ownedInformers.forEach(SharedIndexInformer::close);
        ownedInformers.clear();
        queue.close();
        queue = null;
    }

    private Result handle(ReconcileKey key) {
        if (settings.leaderElection() && !leadership.leading()) {
            return Result.done();  // leadership unconfirmed: the fence holds even before the queue is stopped
        }
        LoadedKind kind = registry.kinds().stream().filter(k -> k.key().equals(key.kind())).findFirst().orElse(null);
        List<SharedIndexInformer<GenericKubernetesResource>> informers;
        synchronized (this) {
            informers = kindInformers.get(key.kind());
        }
        if (kind == null || informers == null) {
            return Result.done();
        }
        GenericKubernetesResource resource = informers.stream()
                .map(i -> i.getStore().getByKey(key.namespace() + "/" + key.name()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (resource == null) {
            return Result.done();  // deleted; owned objects go with it through their ownerReferences
        }
        long start = System.nanoTime();
        Result result = reconciler.reconcile(kind, resource);
        metrics.record(kind.descriptor().kind(), result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private List<String> namespacesOrAll() {
        if (settings.namespaces().isEmpty()) {
            List<String> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        return settings.namespaces();
    }

    @Override
    public void close() {
        leadership.close();
        stopReconciling();
    }

    /** Enqueues connector objects on every informer event, including periodic resyncs. */
    private static final class KindEvents implements ResourceEventHandler<GenericKubernetesResource> {
        private final LoadedKind kind;
        private final WorkQueue queue;

        KindEvents(LoadedKind kind, WorkQueue queue) {
            this.kind = kind;
            this.queue = queue;
        }

        @Override
        public void onAdd(GenericKubernetesResource obj) {
            queue.add(key(obj));
        }

        @Override
        public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
            if (StatusOnlyUpdates.onlyStatusChanged(oldObj, newObj)) {
                return;
            }
            queue.add(key(newObj));
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
            queue.add(key(obj));
        }

        private ReconcileKey key(GenericKubernetesResource obj) {
            return new ReconcileKey(kind.key(), obj.getMetadata().getNamespace(), obj.getMetadata().getName());
        }
    }
}
