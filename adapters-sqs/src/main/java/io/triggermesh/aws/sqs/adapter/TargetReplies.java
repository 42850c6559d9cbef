package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.adapter.queues.QueueUrls;
import io.triggermesh.aws.adapter.queues.SqsErrors;
import java.time.Duration;
import java.util.Optional;

/**
 * How the target answers when SQS did not take a message. Knative retries 404, 408, 409, 429 and 5xx, so permanent
 * problems get other statuses: 400 for a message SQS refuses, 403 for access denied, 410 for a queue that does not
 * exist; throttling gets 429 and an unavailable SQS 503, both with Retry-After.
 */
final class TargetReplies {

    private static final System.Logger LOG = System.getLogger(TargetReplies.class.getName());
    static final Duration THROTTLED_RETRY = Duration.ofSeconds(1);
    static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);

    private final String queue;

    TargetReplies(String queue) {
        this.queue = queue;
    }

    TargetReply failed(SendBatcher.Outcome.Failed failed) {
        SqsErrors.Kind kind = failed.error() != null ? SqsErrors.classify(failed.error())
                : SqsErrors.classify(failed.code(), failed.senderFault());
        String code = failed.code() != null ? failed.code() : kind.name();
        TargetReply.Failure reply = reply(kind, code, failed.message(), failed.action());
        LOG.log(reply.retryable() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                () -> "sending to " + queue + " failed: " + code + ": " + SqsErrors.masked(failed.message()));
        return reply;
    }

    TargetReply unresolved(Optional<Throwable> failure, QueueUrls urls) {
        if (failure.isEmpty()) {
            return TargetReply.throttled(503, "QueueNotResolved", "the queue URL of " + queue
                    + " is being resolved", UNAVAILABLE_RETRY);
        }
        return reply(SqsErrors.classify(failure.get()), "GetQueueUrlFailed", urls.describe(failure.get()),
                "sqs:GetQueueUrl");
    }

    private TargetReply.Failure reply(SqsErrors.Kind kind, String code, String text, String action) {
        // A batch entry's message comes straight from SQS: masked like every AWS error text.
        String message = SqsErrors.masked(text);
        return switch (kind) {
            case QUEUE_MISSING -> TargetReply.failure(410, "QueueDoesNotExist", "queue " + queue
                    + " does not exist: " + message);
            case ACCESS_DENIED -> TargetReply.failure(403, "AccessDenied", "access denied for " + action + " on "
                    + queue + ": grant " + action + " to the adapter's identity (AWS checks sqs:SendMessage for"
                    + " batches too; a KMS-encrypted queue also needs kms:GenerateDataKey and kms:Decrypt): "
                    + message);
            case BAD_MESSAGE -> TargetReply.failure(400, code, "SQS refused the message: " + message);
            case THROTTLED -> TargetReply.throttled(429, code, "SQS is throttling: " + message, THROTTLED_RETRY);
            // Aborted: the adapter is stopping and the caller should try again elsewhere.
            case UNAVAILABLE, ABORTED -> TargetReply.throttled(503, code, "SQS is unavailable: " + message,
                    UNAVAILABLE_RETRY);
        };
    }
}
