package io.triggermesh.aws.adapter.queues;

import io.triggermesh.aws.adapter.ExpiredCredentials;
import io.triggermesh.aws.adapter.RejectedCredentials;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The one sorting of SQS failures in adapters: a failed call, or a failed entry of a batch by its error code. The
 * polling engine of sources, the SQS target and {@link QueueUrls} decide what to do from the {@link Kind}.
 *
 * <p>The S3 connector's resource code ({@code resources.AwsCalls}, run by the controller) sorts its S3 and SQS
 * failures differently on purpose: into the SPI's {@code AwsResourceException} outcomes (transient, permanent,
 * access denied naming the action), where an expired session is transient and rejected keys are permanent, while an
 * adapter treats both as a denial it cannot fix itself. Both ask {@link ExpiredCredentials} and
 * {@link RejectedCredentials} which codes those are.
 */
public final class SqsErrors {

    /** What a failure means for the caller. */
    public enum Kind {
        /** The queue does not exist (deleted, wrong name, region or account). */
        QUEUE_MISSING,
        /** The identity may not call the action or use the queue's KMS key, or its credentials are refused. */
        ACCESS_DENIED,
        /** SQS (or KMS behind it) is throttling: try again after a short backoff. */
        THROTTLED,
        /** SQS refused the request or the message itself. */
        BAD_MESSAGE,
        /** 5xx, network, or an error SQS did not blame on the request: try again after a backoff. */
        UNAVAILABLE,
        /** The call was aborted because the adapter is stopping. */
        ABORTED
    }

    private SqsErrors() {
    }

    public static Kind classify(Throwable e) {
        if (e instanceof AbortedException || e instanceof InterruptedException) {
            return Kind.ABORTED;
        }
        if (e instanceof QueueDoesNotExistException) {
            return Kind.QUEUE_MISSING;
        }
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
            Kind byCode = classify(code, aws.statusCode() >= 400 && aws.statusCode() < 500);
            if (aws.statusCode() == 403 && byCode != Kind.QUEUE_MISSING) {
                return Kind.ACCESS_DENIED;
            }
            return byCode;
        }
        return Kind.UNAVAILABLE;
    }

    /** By SQS error code; {@code senderFault} says whether SQS blamed the request for an unknown code. */
    public static Kind classify(String code, boolean senderFault) {
        String c = code == null ? "" : code;
        if (c.contains("NonExistentQueue") || c.contains("QueueDoesNotExist")) {
            return Kind.QUEUE_MISSING;
        }
        if (c.startsWith("AccessDenied") || c.startsWith("KmsAccessDenied") || c.equals("KmsDisabled")
                || c.equals("KmsNotFound") || c.equals("KmsInvalidKeyUsage") || c.equals("KmsInvalidState")
                || RejectedCredentials.isCode(c) || ExpiredCredentials.isCode(c) || c.equals("InvalidSecurity")) {
            return Kind.ACCESS_DENIED;
        }
        if (c.contains("Throttl") || c.equals("RequestThrottled") || c.equals("KmsThrottled")
                || c.equals("OverLimit") || c.equals("TooManyRequestsException")) {
            return Kind.THROTTLED;
        }
        if (c.startsWith("InvalidParameterValue") || c.startsWith("InvalidMessageContents")
                || c.contains("TooLong") || c.startsWith("MissingParameter") || c.startsWith("InvalidAttribute")) {
            return Kind.BAD_MESSAGE;
        }
        return senderFault ? Kind.BAD_MESSAGE : Kind.UNAVAILABLE;
    }

    /**
     * A one-line explanation of {@code e} for {@code action} (such as {@code sqs:ReceiveMessage}) on {@code queue},
     * for the polling engine's logs.
     */
    public static String describe(Throwable e, String action, String queue) {
        return switch (classify(e)) {
            case QUEUE_MISSING -> "queue " + queue + " does not exist (deleted, or wrong region or account): "
                    + detail(e);
            case ACCESS_DENIED -> ExpiredCredentials.is(e) ? action + " on " + queue + " failed: the AWS session "
                    + "token expired; put fresh credentials into the Secret spec.auth names"
                    : "access denied for " + action + " on " + queue + ": grant " + action
                    + " to the adapter's identity (and kms:Decrypt for a KMS-encrypted queue); " + detail(e);
            case THROTTLED, BAD_MESSAGE, UNAVAILABLE -> action + " on " + queue + " failed: " + detail(e);
            case ABORTED -> action + " aborted: the adapter is stopping";
        };
    }

    /**
     * The SDK's message without request ids, credentials masked: AWS echoes the signed request (key id, session
     * token) in some messages, and this text goes into HTTP replies, {@code /health} and logs.
     */
    public static String summary(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf(" (Service: ");
        return masked(cut > 0 ? message.substring(0, cut) : message);
    }

    /** {@code text} with the adapter's credential values and credential-shaped parts masked. */
    public static String masked(String text) {
        return AdapterLogging.redactor().redact(text);
    }

    /** {@link #summary} for the SDK's exceptions; anything else with its class name, which says more there. */
    private static String detail(Throwable e) {
        return e instanceof SdkException && e.getMessage() != null ? summary(e) : String.valueOf(e);
    }
}
