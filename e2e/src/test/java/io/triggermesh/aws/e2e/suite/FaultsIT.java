package io.triggermesh.aws.e2e.suite;

import static io.triggermesh.aws.e2e.suite.Objects.awaitReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.triggermesh.aws.testing.EmptyQueue;
import io.triggermesh.aws.testing.EmulatorIam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Faults, with the controller as its own process (so it can be killed) and AWS behind a proxy that can throttle:
 * a sink outage, an adapter killed mid-batch, the controller killed mid-reconcile, a rotated Secret and AWS
 * throttling. Each ends with nothing lost and nothing duplicated that should not be.
 */
class FaultsIT extends SuiteBase {

    private static final Duration RECOVERY = Duration.ofSeconds(90);

    private ThrottlingProxy proxy;

    @Override
    protected World startWorld() {
        return World.start("faults", true, endpoint -> proxy = new ThrottlingProxy(endpoint));
    }

    @AfterEach
    void heal() {
        sink.down(false);
        sink.delay(0);
        proxy.throttle(false);
    }

    /** An AWSSQSSource on a new queue with keys from a Secret; returns the queue's account. */
    private String sqsSource(String ns, String name, String visibility) {
        String account = Aws.newAccount();
        EmulatorIam.User user = aws.user(account, ns);
        String queue = aws.queue(account, name);
        Canaries.add(user.keys().secretAccessKey());
        system.apply(ns, secret(user) + """
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSSQSSource
                metadata: {name: %s}
                spec:
                  arn: %s
                  receiveOptions: {visibilityTimeout: %s}
                  sink: {uri: "%s"}
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                """.formatted(name, queue, visibility, sink.url()));
        awaitReady(system, ns, "AWSSQSSource", name);
        return account;
    }

    private static String secret(EmulatorIam.User user) {
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: aws}
                stringData: {AWS_ACCESS_KEY_ID: "%s", AWS_SECRET_ACCESS_KEY: "%s", CANARY: "%s"}
                ---
                """.formatted(user.keys().accessKeyId(), user.keys().secretAccessKey(), Canaries.next());
    }

    private List<String> sendMessages(String account, String queue, int count) {
        String url = aws.queueUrl(account, queue);
        List<String> ids = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> ids.add(aws.sqs(account).sendMessage(b -> b
                .queueUrl(url).messageBody("{\"n\": " + i + "}")).messageId()));
        return ids;
    }

    private void awaitAllDelivered(List<String> ids, String account, String queue) {
        Waits.until(ids.size() + " events at the sink", RECOVERY, () -> sink.ids().containsAll(ids),
                () -> ids.stream().filter(id -> !sink.ids().contains(id)).count() + " missing");
        EmptyQueue.await(queue, () -> aws.depth(account, queue), RECOVERY);
    }

    @Test
    @Order(1)
    void theSinkDownForAWhileThenBackLosesNothing() throws InterruptedException {
        String account = sqsSource("sink-outage", "outage", "10s");
        sink.down(true);
        List<String> ids = sendMessages(account, "outage", 15);
        Waits.until("the sink to refuse events", RECOVERY, () -> sink.refused() > 0);
        Thread.sleep(3000);  // the outage lasts a while

        sink.down(false);

        awaitAllDelivered(ids, account, "outage");
    }

    @Test
    @Order(2)
    void anAdapterKilledMidBatchLosesNothingAndKeepsTheEventIds() {
        String ns = "adapter-kill";
        String account = sqsSource(ns, "killed", "5s");
        String deployment = Kinds.deployment(ns, "AWSSQSSource", "killed");
        long firstPid = system.adapterPid(deployment);
        sink.delay(300);
        List<String> ids = sendMessages(account, "killed", 30);
        // This queue's events only: the sink already holds those of the earlier tests.
        String source = "arn:aws:sqs:" + world.emulator.region() + ":" + account + ":killed";
        Waits.until("some events delivered", RECOVERY, () -> sink.idsFrom(source).size() >= 3);

        ProcessHandle.of(firstPid).ifPresent(ProcessHandle::destroyForcibly);  // SIGKILL mid-batch
        Waits.until("the runner to start the adapter again", RECOVERY,
                () -> system.adapterPid(deployment) != firstPid);
        sink.delay(0);

        awaitAllDelivered(ids, account, "killed");
        // Redelivered messages keep their ids: every event from this queue carries one of the sent message ids.
        assertThat(sink.idsFrom(source)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    @Order(3)
    void theControllerKilledMidReconcileConvergesWithoutDuplicates() throws InterruptedException {
        String ns = "controller-kill";
        String account = Aws.newAccount();
        String role = aws.webIdentityRole(account, "controller-kill");
        StringBuilder manifests = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            String bucket = "e2e-kill-" + i + "-" + account;
            aws.bucket(account, bucket);
            manifests.append("""
                    apiVersion: sources.triggermesh.io/v1alpha1
                    kind: AWSS3Source
                    metadata: {name: source-%d}
                    spec:
                      arn: arn:aws:s3:::%s
                      eventTypes: ["s3:ObjectCreated:*"]
                      sink: {uri: "%s"}
                      auth:
                        iam: {roleArn: "%s"}
                    ---
                    """.formatted(i, bucket, sink.url(), role));
        }
        system.apply(ns, manifests.toString());
        Waits.until("the controller to start on them", RECOVERY, () -> !aws.queues(account, "").isEmpty()
                || !system.client().serviceAccounts().inNamespace(ns).list().getItems().isEmpty());

        system.killController();
        system.startController();

        for (int i = 1; i <= 5; i++) {
            awaitReady(system, ns, "AWSS3Source", "source-" + i);
        }
        assertThat(aws.queues(account, "")).as("one queue per source").hasSize(5);
        List<ServiceAccount> accounts = system.client().serviceAccounts().inNamespace(ns).list().getItems();
        assertThat(accounts).as("one ServiceAccount per source").hasSize(5)
                .allSatisfy(sa -> assertThat(sa.getMetadata().getOwnerReferences()).hasSize(1));
        String bucket = "e2e-kill-3-" + account;
        aws.put(account, bucket, "after-restart.txt");
        Waits.until("an event after the restart", RECOVERY, () -> sink.subjects().contains("after-restart.txt"));
    }

    @Test
    @Order(4)
    void aRotatedSecretIsPickedUpByTheAdapter() {
        String ns = "secret-rotation";
        String account = Aws.newAccount();
        EmulatorIam.User before = aws.user(account, "before-rotation");
        EmulatorIam.User after = aws.user(account, "after-rotation");
        String queue = aws.queue(account, "rotated");
        Canaries.add(before.keys().secretAccessKey(), after.keys().secretAccessKey());
        system.apply(ns, secret(before) + """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: rotated}
                spec:
                  arn: %s
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                """.formatted(queue));
        awaitReady(system, ns, "AWSSQSTarget", "rotated");
        String deployment = Kinds.deployment(ns, "AWSSQSTarget", "rotated");
        assertThat(system.adapterIdentity(deployment)).isEqualTo(before.arn());

        system.apply(ns, secret(after));

        Waits.until("the adapter to act as the rotated keys", RECOVERY,
                () -> after.arn().equals(system.adapterIdentity(deployment)));
        Objects.postAccepted(system.targetUrl(deployment), "after-rotation", null, "{\"rotated\": true}");
        Waits.until("the event in the queue", RECOVERY, () -> aws.drain(account, "rotated").stream()
                .anyMatch(m -> m.body().contains("after-rotation")));
    }

    @Test
    @Order(5)
    void awsThrottlingIsBackedOffAndRecoveredFrom() {
        String ns = "throttling";
        String account = sqsSource(ns, "throttled", "10s");
        String deployment = Kinds.deployment(ns, "AWSSQSSource", "throttled");
        Waits.until("the adapter to consume the queue", RECOVERY,
                () -> system.adapterLog(deployment).contains("delivering arn:aws:sqs"));

        proxy.throttle(true);
        List<String> ids = sendMessages(account, "throttled", 10);
        Waits.until("the adapter to be throttled", RECOVERY, () -> system.adapterLog(deployment)
                .contains("sqs:ReceiveMessage on arn:aws:sqs:us-east-1:" + account + ":throttled failed: Rate exceeded"));
        // A rate over a window that ends on an event, not a count after a sleep: a slow machine only lowers it.
        // Eight calls take the two pollers through a few rounds of their backoff (and the SDK's own retries).
        // Only this queue's receives count: the adapters of the earlier tests are throttled too, all at once.
        IntSupplier receives = () -> proxy.throttled("ReceiveMessage", account, "throttled");
        int before = receives.getAsInt();
        long start = System.nanoTime();
        Waits.until("the adapter to keep polling while throttled", RECOVERY, () -> receives.getAsInt() >= before + 8,
                () -> "throttled so far: " + proxy.throttledCounts());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat((receives.getAsInt() - before) / seconds).as("throttled receives per second: backing off, not"
                + " hammering AWS").isLessThan(10.0);
        long errorLines = system.adapterLog(deployment).lines().filter(l -> l.contains(" ERROR ")
                && l.contains("sqs:ReceiveMessage on arn:aws:sqs:us-east-1:" + account + ":throttled failed: Rate"))
                .count();
        assertThat(errorLines).as("one error line per poller, the repeats at debug").isBetween(1L, 2L);
        proxy.throttle(false);

        awaitAllDelivered(ids, account, "throttled");
        Waits.until("the adapter to say it recovered", RECOVERY,
                () -> system.adapterLog(deployment).contains("receiving from arn:aws:sqs:us-east-1:" + account
                        + ":throttled works again"));
    }

    @Test
    @Order(6)
    void anSqsTargetWhoseQueueDoesNotExistIsNotReadyUntilTheQueueDoes() {
        String ns = "missing-queue";
        String account = Aws.newAccount();
        EmulatorIam.User user = aws.user(account, ns);
        Canaries.add(user.keys().secretAccessKey());
        String queueArn = "arn:aws:sqs:" + world.emulator.region() + ":" + account + ":late";
        system.apply(ns, secret(user) + """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: late}
                spec:
                  arn: %s
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                """.formatted(queueArn));

        // Its /health answers 503: local mode, like a kubelet, keeps the Deployment unavailable, and Ready says so.
        String message = Objects.awaitFalse(system, ns, "AWSSQSTarget", "late", "Ready",
                "MinimumReplicasUnavailable");
        assertThat(message).contains("0 of 1 replica available");

        aws.queue(account, "late");
        awaitReady(system, ns, "AWSSQSTarget", "late");
        Objects.postAccepted(system.targetUrl(Kinds.deployment(ns, "AWSSQSTarget", "late")), "late-event", null,
                "{\"late\": true}");
        Waits.until("the event in the queue", RECOVERY, () -> aws.drain(account, "late").stream()
                .anyMatch(m -> m.body().contains("late-event")));
    }

}
