package io.triggermesh.aws.adapter.queues;

import io.triggermesh.aws.spi.api.QueueArn;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Resolves a queue's URL with sqs:GetQueueUrl, from the name and owner account in its ARN (never by building the
 * URL from strings, which breaks other partitions, VPC endpoints and emulators). Retries until it succeeds or is
 * stopped, with one clear log line per kind of failure, after waits that double from 0.5-1 s up to 30-60 s whatever
 * the failure: a missing queue or a missing grant is mended by a person, most often in the minute after the object
 * was applied (a queue created after its target), and the doubling finds the fix within seconds then. The one
 * GetQueueUrl of the adapters: the SQS source and target wait in {@link #resolve}, the S3 source calls
 * {@link #resolveOnce} at start.
 */
public final class QueueUrls {

    private static final System.Logger LOG = System.getLogger(QueueUrls.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final SqsClient sqs;
    private final QueueArn queue;
    private final String ownerAccountId;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable lastFailure;

    /** @param ownerAccountId QueueOwnerAWSAccountId; the ARN's account when not given */
    public QueueUrls(SqsClient sqs, QueueArn queue, Optional<String> ownerAccountId) {
        this.sqs = sqs;
        this.queue = queue;
        this.ownerAccountId = ownerAccountId.orElse(queue.accountId());
    }

    /** One attempt. */
    public String resolveOnce() {
        return sqs.getQueueUrl(b -> b.queueName(queue.name()).queueOwnerAWSAccountId(ownerAccountId)).queueUrl();
    }

    /** Attempts until it works; empty when stopped first. */
    public Optional<String> resolve() {
        Duration backoff = Duration.ofSeconds(1);
        SqsErrors.Kind last = null;
        while (stopped.getCount() > 0) {
            try {
                String url = resolveOnce();
                lastFailure = null;
                if (last != null) {
                    LOG.log(System.Logger.Level.INFO, "queue " + queue + " resolved after earlier failures");
                }
                return Optional.of(url);
            } catch (RuntimeException e) {
                lastFailure = e;
                SqsErrors.Kind kind = SqsErrors.classify(e);
                Duration wait = Duration.ofMillis(backoff.toMillis() / 2
                        + ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1));
                LOG.log(kind == last ? System.Logger.Level.DEBUG : System.Logger.Level.ERROR,
                        () -> describe(e) + "; trying again in " + wait.toMillis() / 1000.0 + "s");
                last = kind;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                try {
                    if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /** The failure of the latest attempt while resolving has not succeeded yet. */
    public Optional<Throwable> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    public void stop() {
        stopped.countDown();
    }

    /** What went wrong with GetQueueUrl, and the fix; credentials in AWS's message are masked. */
    public String describe(Throwable e) {
        return switch (SqsErrors.classify(e)) {
            case QUEUE_MISSING -> "queue " + queue + " does not exist, or is not visible to account "
                    + ownerAccountId + " in " + queue.region() + " (sqs:GetQueueUrl): " + SqsErrors.summary(e);
            case ACCESS_DENIED -> "access denied for sqs:GetQueueUrl on " + queue + ": grant it to the adapter's"
                    + " identity; " + SqsErrors.summary(e);
            default -> "sqs:GetQueueUrl for " + queue + " failed: " + SqsErrors.summary(e);
        };
    }
}
