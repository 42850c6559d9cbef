package io.triggermesh.aws.adapter.polling;

import io.triggermesh.aws.adapter.ExpiredCredentials;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** Sorting of SQS failures into what the consumer does about them, with messages a user can act on. */
final class QueueErrors {

    enum Kind {
        /** The queue does not exist (deleted, wrong name, region or account). */
        QUEUE_MISSING,
        /** The identity may not call the action (or use the queue's KMS key). */
        ACCESS_DENIED,
        /** Throttling, 5xx, network: try again after a backoff. */
        TRANSIENT,
        /** The call was aborted because the consumer is stopping. */
        ABORTED
    }

    private QueueErrors() {
    }

    static Kind classify(Throwable e) {
        if (e instanceof AbortedException || e instanceof InterruptedException) {
            return Kind.ABORTED;
        }
        if (e instanceof QueueDoesNotExistException) {
            return Kind.QUEUE_MISSING;
        }
        if (e instanceof SqsException sqs) {
            String code = sqs.awsErrorDetails() == null ? "" : String.valueOf(sqs.awsErrorDetails().errorCode());
            if (code.contains("NonExistentQueue") || code.contains("QueueDoesNotExist")) {
                return Kind.QUEUE_MISSING;
            }
            if (sqs.statusCode() == 403 || code.startsWith("AccessDenied") || code.startsWith("KmsAccessDenied")
                    || code.equals("InvalidClientTokenId") || code.equals("UnrecognizedClientException")
                    || code.equals("SignatureDoesNotMatch") || ExpiredCredentials.isCode(code)) {
                return Kind.ACCESS_DENIED;
            }
        }
        return Kind.TRANSIENT;
    }

    /** A one-line explanation of {@code e} for the {@code action} (such as {@code sqs:ReceiveMessage}). */
    static String describe(Throwable e, String action, String queue) {
        return switch (classify(e)) {
            case QUEUE_MISSING -> "queue " + queue + " does not exist (deleted, or wrong region or account): "
                    + summary(e);
            case ACCESS_DENIED -> ExpiredCredentials.is(e) ? action + " on " + queue + " failed: the AWS session "
                    + "token expired; put fresh credentials into the Secret spec.auth names"
                    : "access denied for " + action + " on " + queue + ": grant " + action
                    + " to the adapter's identity (and kms:Decrypt for a KMS-encrypted queue); " + summary(e);
            case TRANSIENT -> action + " on " + queue + " failed: " + summary(e);
            case ABORTED -> action + " aborted: the adapter is stopping";
        };
    }

    /** The SDK's message without request ids, which are noise in logs. */
    static String summary(Throwable e) {
        if (e instanceof SdkException sdk && sdk.getMessage() != null) {
            String message = sdk.getMessage();
            int cut = message.indexOf(" (Service: ");
            return cut > 0 ? message.substring(0, cut) : message;
        }
        return String.valueOf(e);
    }
}
