package io.triggermesh.aws.adapter.polling;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import io.triggermesh.aws.adapter.queues.SqsErrors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * The two batch calls of the consumer, with partial-failure handling: an entry that failed on SQS's side is tried
 * again (up to {@link #MAX_ATTEMPTS} times), an entry SQS refuses for good (an expired receipt handle: the message
 * is visible again and will be delivered again) is logged and dropped. Entries to try again go back in line at once,
 * without a wait of their own: a call that failed as a whole has already been retried with backoff inside the SDK.
 */
final class QueueCalls {

    static final int MAX_ATTEMPTS = 3;

    private static final System.Logger LOG = System.getLogger(QueueCalls.class.getName());

    /** A message to delete. */
    record Delete(String messageId, String receiptHandle, int attempt) {
        Delete next() {
            return new Delete(messageId, receiptHandle, attempt + 1);
        }
    }

    /** A message whose visibility changes to {@code seconds} from now. */
    record Visibility(String messageId, String receiptHandle, int seconds, int attempt) {
        Visibility next() {
            return new Visibility(messageId, receiptHandle, seconds, attempt + 1);
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queue;
    private final LongAdder deleteCalls;
    private final LongAdder visibilityCalls;
    private final LongAdder deleted;
    private final AtomicBoolean visibilityDenied = new AtomicBoolean();

    QueueCalls(SqsClient sqs, String queueUrl, String queue, LongAdder deleteCalls, LongAdder visibilityCalls,
               LongAdder deleted) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queue = queue;
        this.deleteCalls = deleteCalls;
        this.visibilityCalls = visibilityCalls;
        this.deleted = deleted;
    }

    /** Whether ChangeMessageVisibility was denied; extensions stop then, deliveries go on. */
    boolean visibilityDenied() {
        return visibilityDenied.get();
    }

    List<Delete> delete(List<Delete> batch) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(batch.get(i).receiptHandle()).build());
        }
        DeleteMessageBatchResponse response;
        try {
            deleteCalls.increment();
            response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (RuntimeException e) {
            return whole(batch, e, "sqs:DeleteMessage (checked for DeleteMessageBatch)", Delete::attempt,
                    Delete::next);
        }
        deleted.add(response.successful().size());
        return failedEntries(batch, response.failed(), "delete", Delete::messageId, Delete::attempt, Delete::next);
    }

    List<Visibility> changeVisibility(List<Visibility> batch) {
        if (visibilityDenied.get()) {
            return List.of();
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Visibility v = batch.get(i);
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(v.receiptHandle()).visibilityTimeout(v.seconds()).build());
        }
        ChangeMessageVisibilityBatchResponse response;
        try {
            visibilityCalls.increment();
            response = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (RuntimeException e) {
            if (SqsErrors.classify(e) == SqsErrors.Kind.ACCESS_DENIED && visibilityDenied.compareAndSet(false,
                    true)) {
                LOG.log(System.Logger.Level.ERROR, SqsErrors.describe(e, "sqs:ChangeMessageVisibility", queue)
                        + ". Slow deliveries are no longer extended and may be delivered twice; retries wait for"
                        + " the visibility timeout");
                return List.of();
            }
            return whole(batch, e, "sqs:ChangeMessageVisibility (checked for ChangeMessageVisibilityBatch)",
                    Visibility::attempt, Visibility::next);
        }
        return failedEntries(batch, response.failed(), "visibility change", Visibility::messageId,
                Visibility::attempt, Visibility::next);
    }

    private <E> List<E> whole(List<E> batch, RuntimeException e, String action, Function<E, Integer> attempt,
                              Function<E, E> next) {
        boolean retry = isTransient(SqsErrors.classify(e)) && attempt.apply(batch.get(0)) < MAX_ATTEMPTS;
        LOG.log(retry ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, () -> SqsErrors.describe(e,
                action, queue) + (retry ? "; trying again" : "; " + batch.size()
                + " messages will be delivered again after their visibility timeout"));
        return retry ? batch.stream().map(next).toList() : List.of();
    }

    /**
     * Whether the engine tries a failed call of its own again (receives after a backoff, batch entries as said
     * above): anything but a missing queue, a denial or a stop. SQS refusing a request the engine built can only be
     * passing (throttling, an outage).
     */
    static boolean isTransient(SqsErrors.Kind kind) {
        return kind == SqsErrors.Kind.THROTTLED || kind == SqsErrors.Kind.BAD_MESSAGE
                || kind == SqsErrors.Kind.UNAVAILABLE;
    }

    private <E> List<E> failedEntries(List<E> batch, List<BatchResultErrorEntry> failed, String what,
                                      Function<E, String> messageId, Function<E, Integer> attempt,
                                      Function<E, E> next) {
        if (failed.isEmpty()) {
            return List.of();
        }
        List<E> again = new ArrayList<>();
        for (BatchResultErrorEntry error : failed) {
            E entry = batch.get(Integer.parseInt(error.id()));
            boolean retry = !Boolean.TRUE.equals(error.senderFault()) && attempt.apply(entry) < MAX_ATTEMPTS;
            if (retry) {
                again.add(next.apply(entry));
            } else {
                LOG.log(System.Logger.Level.WARNING, () -> what + " of message " + messageId.apply(entry)
                        + " failed (" + error.code() + ": " + error.message() + "); it may be delivered again");
            }
        }
        return again;
    }

}
