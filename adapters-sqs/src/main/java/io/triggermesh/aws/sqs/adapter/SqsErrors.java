package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.ExpiredCredentials;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Sorting of SQS errors (a failed call, or a failed entry of a batch, by its error code) for the adapters. */
final class SqsErrors {

    enum Kind {
        QUEUE_MISSING, ACCESS_DENIED, THROTTLED, BAD_MESSAGE, UNAVAILABLE
    }

    private SqsErrors() {
    }

    static Kind classify(Throwable e) {
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
        if (e instanceof SdkClientException) {
            return Kind.UNAVAILABLE;
        }
        return Kind.UNAVAILABLE;
    }

    /** By SQS error code; {@code senderFault} says whether SQS blamed the request for an unknown code. */
    static Kind classify(String code, boolean senderFault) {
        String c = code == null ? "" : code;
        if (c.contains("NonExistentQueue") || c.contains("QueueDoesNotExist")) {
            return Kind.QUEUE_MISSING;
        }
        if (c.startsWith("AccessDenied") || c.startsWith("KmsAccessDenied") || c.equals("KmsDisabled")
                || c.equals("KmsNotFound") || c.equals("KmsInvalidKeyUsage") || c.equals("KmsInvalidState")
                || c.equals("InvalidClientTokenId") || c.equals("UnrecognizedClientException")
                || c.equals("SignatureDoesNotMatch") || ExpiredCredentials.isCode(c) || c.equals("InvalidSecurity")) {
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
     * The SDK's message without request ids, credentials masked: AWS echoes the signed request (key id, session
     * token) in some messages, and this text goes into HTTP replies, {@code /health} and logs.
     */
    static String summary(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf(" (Service: ");
        return masked(cut > 0 ? message.substring(0, cut) : message);
    }

    /** {@code text} with the adapter's credential values and credential-shaped parts masked. */
    static String masked(String text) {
        return AdapterLogging.redactor().redact(text);
    }
}
