package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices rotated Secrets without list or watch rights on Secrets: every {@code interval} it GETs each Secret that
 * some object's {@code spec.auth} references (by name, once however many objects share it) and requeues the objects
 * that reference a Secret whose {@code resourceVersion} changed since the previous poll, or which appeared or went.
 * The pass that follows puts the new version digest into the adapter's pod template, which rolls the adapter out:
 * a rotation reaches the adapters within one interval plus one pass. Only versions are kept, never data; the
 * controller reads Secrets with a GET anyway (see KubernetesSecretReader).
 *
 * <p>The GETs are paced to at most {@code readsPerSecond}, so that a cluster with many referenced Secrets sees a
 * steady trickle instead of a burst every interval; a poll of {@code n} Secrets then lasts about
 * {@code n / readsPerSecond}, which is added to the rotation bound once it exceeds the interval.
 */
public final class ReferencedSecretPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReferencedSecretPoller.class);
    private static final String ABSENT = "";

    /** The Secrets (by name, in {@code key}'s namespace) that one object's adapter reads. */
    public record Reference(ReconcileKey key, Set<String> secretNames) {
        public Reference {
            Objects.requireNonNull(key, "key");
            secretNames = Set.copyOf(secretNames);
        }
    }

    private record SecretKey(String namespace, String name) {
        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    private final KubernetesClient client;
    private final Supplier<? extends Collection<Reference>> references;
    private final Consumer<ReconcileKey> requeue;
    private final Duration interval;
    private final Pacer pacer;
    /** resourceVersion per Secret as last seen ({@link #ABSENT} while it does not exist). */
    private final Map<SecretKey, String> seen = new HashMap<>();
    private ScheduledExecutorService timer;

    /**
     * @param readsPerSecond the most Secrets read per second; positive
     */
    public ReferencedSecretPoller(KubernetesClient client, Supplier<? extends Collection<Reference>> references,
                                  Consumer<ReconcileKey> requeue, Duration interval, int readsPerSecond) {
        this(client, references, requeue, interval, Pacer.perSecond(readsPerSecond));
    }

    ReferencedSecretPoller(KubernetesClient client, Supplier<? extends Collection<Reference>> references,
                           Consumer<ReconcileKey> requeue, Duration interval, Pacer pacer) {
        this.client = Objects.requireNonNull(client, "client");
        this.references = Objects.requireNonNull(references, "references");
        this.requeue = Objects.requireNonNull(requeue, "requeue");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    /**
     * The Secrets {@code resource}'s adapter reads, computed as the reconcile computes them (empty for an invalid
     * spec, which has no adapter to roll).
     */
    public static Optional<Reference> of(LoadedKind kind, GenericKubernetesResource resource,
                                         ObjectValidator validator) {
        ObjectView view = new ObjectView(resource);
        ValidatedObject validated = validator.validate(view.node());
        if (!validated.isValid() || validated.auth() == null) {
            return Optional.empty();
        }
        Set<String> names = AdapterEnvironment.render(view.owner(kind), validated.auth()).referencedSecretNames();
        return names.isEmpty() ? Optional.empty() : Optional.of(new Reference(new ReconcileKey(kind.key(),
                resource.getMetadata().getNamespace(), resource.getMetadata().getName()), names));
    }

    /** Polls every interval on a daemon thread until {@link #close()}. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "secret-poller");
            thread.setDaemon(true);
            return thread;
        });
        LOG.info("Reading the Secrets that objects reference every {}, to roll adapters whose Secret changed",
                interval);
        timer.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (InterruptedException e) {
            // close() interrupts a poll that waits for its turn.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The next poll tries again; the periodic resync remains the backstop.
            LOG.warn("Polling referenced Secrets failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * One poll. A Secret seen for the first time requeues its objects too: it may have changed between the pass
     * that read it and this poll, and a pass over an unchanged object writes nothing. Returns the objects requeued.
     */
    synchronized List<ReconcileKey> poll() throws InterruptedException {
        Map<SecretKey, Set<ReconcileKey>> referencing = new TreeMap<>(
                Comparator.comparing(SecretKey::namespace).thenComparing(SecretKey::name));
        for (Reference reference : references.get()) {
            for (String name : reference.secretNames()) {
                referencing.computeIfAbsent(new SecretKey(reference.key().namespace(), name),
                        k -> new TreeSet<>(Comparator.comparing(ReconcileKey::toString)))
                        .add(reference.key());
            }
        }
        LOG.trace("Polling {} referenced Secrets", referencing.size());
        Set<ReconcileKey> changed = new TreeSet<>(Comparator.comparing(ReconcileKey::toString));
        for (Map.Entry<SecretKey, Set<ReconcileKey>> entry : referencing.entrySet()) {
            SecretKey secret = entry.getKey();
            String version;
            try {
                pacer.awaitTurn();
                version = version(client.secrets().inNamespace(secret.namespace()).withName(secret.name()).get());
            } catch (KubernetesClientException e) {
                LOG.debug("Cannot read Secret {} (HTTP {}); trying again at the next poll", secret, e.getCode());
                continue;
            }
            String before = seen.put(secret, version);
            if (before == null) {
                changed.addAll(entry.getValue());
            } else if (!before.equals(version)) {
                LOG.info("Secret {} {}: reconciling {}", secret, version.equals(ABSENT) ? "was deleted"
                        : before.equals(ABSENT) ? "was created" : "changed", entry.getValue());
                changed.addAll(entry.getValue());
            }
        }
        seen.keySet().retainAll(referencing.keySet());
        changed.forEach(requeue);
        return List.copyOf(changed);
    }

    private static String version(Secret secret) {
        return secret == null || secret.getMetadata().getResourceVersion() == null ? ABSENT
                : secret.getMetadata().getResourceVersion();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
