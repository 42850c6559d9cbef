package io.triggermesh.aws.controller.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.triggermesh.aws.controller.config.ControllerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election with a coordination.k8s.io Lease (fabric8's elector), so two or more replicas can run and only
 * one reconciles.
 *
 * <p>Timing is client-go's: the Lease lasts {@code leaseDuration} (15 s) past its last renewal, the leader renews
 * every {@code retryPeriod} (2 s) and must have renewed within {@code renewDeadline} (10 s). fabric8's elector
 * checks its renew deadline only between renew attempts, and an attempt against an unreachable API server blocks
 * for the client's timeouts and retries; when it gives up it reads the Lease once more before it reports the loss.
 * A replica cut off from the API thus kept reconciling long after another had taken the Lease. A watchdog here
 * therefore ends leadership on its own as soon as the last confirmed renewal is older than {@code renewDeadline}:
 * well before the Lease expires for the others, so two replicas never reconcile at once.
 *
 * <p>On losing leadership the replica stops reconciling at once (controller-runtime exits instead; a restart buys
 * nothing here, because the informers and queues are dropped and rebuilt anyway) and campaigns again under a new
 * identity, exactly as a restarted process would: it never resumes a Lease it may no longer hold.
 */
final class Leadership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    /** How long shutting down waits for the Lease's release. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(3);

    /** client-go's defaults; {@code leaseDuration > renewDeadline > retryPeriod}. */
    record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

        static final Timing DEFAULT = new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(2));

        Timing {
            if (leaseDuration.compareTo(renewDeadline) <= 0 || renewDeadline.compareTo(retryPeriod) <= 0
                    || retryPeriod.isNegative() || retryPeriod.isZero()) {
                throw new IllegalArgumentException("leader election needs lease duration (" + leaseDuration
                        + ") > renew deadline (" + renewDeadline + ") > retry period (" + retryPeriod + ") > 0");
            }
        }

        /** How often the watchdog looks: a small fraction of the slack between renew deadline and expiry. */
        Duration watchdogTick() {
            Duration tick = retryPeriod.dividedBy(8);
            return tick.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : tick;
        }
    }

    private final KubernetesClient client;
    private final ControllerSettings settings;
    private final Timing timing;
    private final Clock clock;
    private final Runnable onStart;
    private final Runnable onStop;
    private final String baseIdentity;
    /** Runs onStart/onStop one after the other, in the order leadership changed. */
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(daemon("leadership"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            daemon("leadership-watchdog"));
    private int term;
    private volatile boolean leading;
    private Instant confirmedAt;
    private volatile boolean closed;
    private CompletableFuture<?> campaign;

    Leadership(KubernetesClient client, ControllerSettings settings, Runnable onStart, Runnable onStop) {
        this(client, settings, Timing.DEFAULT, Clock.systemUTC(), onStart, onStop);
    }

    Leadership(KubernetesClient client, ControllerSettings settings, Timing timing, Clock clock, Runnable onStart,
               Runnable onStop) {
        this.client = client;
        this.settings = settings;
        this.timing = timing;
        this.clock = clock;
        this.onStart = onStart;
        this.onStop = onStop;
        this.baseIdentity = settings.effectiveLeaseIdentity() + "-" + UUID.randomUUID().toString().substring(0, 8);
        long tick = timing.watchdogTick().toMillis();
        watchdog.scheduleAtFixedRate(this::check, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Campaigns for the Lease; {@code onStart} runs once it is held. */
    synchronized void start() {
        if (closed) {
            return;
        }
        int current = ++term;
        String identity = baseIdentity + "-" + current;
        var lock = new ConfirmingLock(new LeaseLock(settings.effectiveLeaseNamespace(), settings.leaseName(),
                identity), renewTime -> confirmed(current, renewTime));
        campaign = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(settings.leaseName())
                .withLock(lock)
                .withLeaseDuration(timing.leaseDuration())
                .withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(() -> started(current),
                        () -> stopped(current, "the Lease went to another holder or could not be renewed"),
                        leader -> LOG.info("Lease {} held by {}", settings.leaseName(), leader)))
                .build()).build().start();
    }

    /** Whether leadership is confirmed now: false from the moment a renewal is overdue. */
    boolean leading() {
        return leading;
    }

    private synchronized void confirmed(int current, Instant renewTime) {
        if (current == term) {
            confirmedAt = renewTime;
        }
    }

    private void started(int current) {
        synchronized (this) {
            if (current != term || closed || leading) {
                return;
            }
            if (confirmedAt == null) {
                confirmedAt = clock.instant();
            }
            leading = true;
        }
        LOG.info("Leading with Lease {}: reconciling", settings.leaseName());
        run(onStart);
    }

    private void stopped(int current, String why) {
        CompletableFuture<?> previous;
        synchronized (this) {
            if (current != term || !leading) {
                return;
            }
            leading = false;  // fences new reconcile passes at once, before onStop has run
            confirmedAt = null;
            term++;  // callbacks of the old campaign are ignored from now on
            previous = campaign;
            campaign = null;
        }
        LOG.warn("No longer leading with Lease {}: {}; stopping reconciling and campaigning again",
                settings.leaseName(), why);
        run(onStop);
        // Cancelling may block on the API (fabric8 reads the Lease to release it): not on this thread.
        if (previous != null) {
            daemon("leadership-release").newThread(() -> previous.cancel(true)).start();
        }
        start();
    }

    /** The watchdog: leadership ends once the last confirmed renewal is older than the renew deadline. */
    private void check() {
        int current;
        Instant confirmed;
        synchronized (this) {
            if (!leading || confirmedAt == null) {
                return;
            }
            current = term;
            confirmed = confirmedAt;
        }
        if (clock.instant().isAfter(confirmed.plus(timing.renewDeadline()))) {
            stopped(current, "the Lease was not renewed within the renew deadline of "
                    + timing.renewDeadline().toSeconds() + " s");
        }
    }

    private void run(Runnable callback) {
        try {
            callbacks.execute(callback);
        } catch (RejectedExecutionException e) {
            // closed: the runtime stops reconciling itself
        }
    }

    @Override
    public void close() {
        CompletableFuture<?> current;
        synchronized (this) {
            closed = true;
            leading = false;
            current = campaign;
            campaign = null;
        }
        watchdog.shutdownNow();
        if (current != null) {
            // Releases the Lease when this replica holds it, for a quick handover. fabric8 first waits for a
            // renewal in progress, which hangs when the API is unreachable: wait a little, never for its timeouts.
            Thread release = daemon("leadership-release").newThread(() -> current.cancel(true));
            release.start();
            try {
                release.join(RELEASE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        callbacks.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
