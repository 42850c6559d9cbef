package io.triggermesh.aws.adapter.queues;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.adapter.queues.SqsErrors.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The one sorting of SQS failures that the polling engine, the SQS target and queue URL lookups share. */
class SqsErrorsTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:q";

    @ParameterizedTest
    @CsvSource({
        "AWS.SimpleQueueService.NonExistentQueue, 400, QUEUE_MISSING",
        "QueueDoesNotExist, 400, QUEUE_MISSING",
        "AWS.SimpleQueueService.NonExistentQueue, 403, QUEUE_MISSING",
        "AccessDenied, 403, ACCESS_DENIED",
        "AccessDeniedException, 400, ACCESS_DENIED",
        "KmsAccessDeniedException, 400, ACCESS_DENIED",
        "KmsDisabled, 400, ACCESS_DENIED",
        "InvalidClientTokenId, 403, ACCESS_DENIED",
        "InvalidAccessKeyId, 400, ACCESS_DENIED",
        "ExpiredToken, 403, ACCESS_DENIED",
        "SomethingNew, 403, ACCESS_DENIED",
        "RequestThrottled, 400, THROTTLED",
        "ThrottlingException, 400, THROTTLED",
        "KmsThrottled, 400, THROTTLED",
        "InvalidParameterValue, 400, BAD_MESSAGE",
        "SomethingNew, 400, BAD_MESSAGE",
        "InternalError, 500, UNAVAILABLE",
        "ServiceUnavailable, 503, UNAVAILABLE"})
    void callFailuresAreSortedByCodeAndStatus(String code, int status, Kind expected) {
        assertThat(SqsErrors.classify(sqsError(code, status, "m"))).isEqualTo(expected);
    }

    @Test
    void failuresWithoutAnAnswerAreAbortedOrUnavailable() {
        assertThat(SqsErrors.classify(AbortedException.create("stopping"))).isEqualTo(Kind.ABORTED);
        assertThat(SqsErrors.classify(new InterruptedException())).isEqualTo(Kind.ABORTED);
        assertThat(SqsErrors.classify(SdkClientException.create("connection refused"))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(SqsErrors.classify(new IllegalStateException("x"))).isEqualTo(Kind.UNAVAILABLE);
        assertThat(SqsErrors.classify(QueueDoesNotExistException.builder().message("gone").build()))
                .isEqualTo(Kind.QUEUE_MISSING);
    }

    @Test
    void batchEntriesOfUnknownCodesFollowSqssSenderFault() {
        assertThat(SqsErrors.classify("SomethingNew", true)).isEqualTo(Kind.BAD_MESSAGE);
        assertThat(SqsErrors.classify("SomethingNew", false)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(SqsErrors.classify(null, false)).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aDisabledKmsKeyIsDescribedAsADenialWithTheFix() {
        // Before one sorting, the polling engine took KMS key states for passing failures and retried them quickly.
        String text = SqsErrors.describe(sqsError("KmsDisabled", 400, "the key is disabled"), "sqs:ReceiveMessage",
                QUEUE);

        assertThat(text).isEqualTo("access denied for sqs:ReceiveMessage on " + QUEUE + ": grant sqs:ReceiveMessage"
                + " to the adapter's identity (and kms:Decrypt for a KMS-encrypted queue); the key is disabled");
    }

    @Test
    void describeNamesTheActionQueueAndCause() {
        assertThat(SqsErrors.describe(sqsError("QueueDoesNotExist", 400, "no queue"), "sqs:ReceiveMessage", QUEUE))
                .isEqualTo("queue " + QUEUE + " does not exist (deleted, or wrong region or account): no queue");
        assertThat(SqsErrors.describe(sqsError("ExpiredToken", 403, "expired"), "sqs:ReceiveMessage", QUEUE))
                .isEqualTo("sqs:ReceiveMessage on " + QUEUE + " failed: the AWS session token expired; put fresh"
                        + " credentials into the Secret spec.auth names");
        assertThat(SqsErrors.describe(sqsError("InternalError", 500, "oops"), "sqs:DeleteMessage", QUEUE))
                .isEqualTo("sqs:DeleteMessage on " + QUEUE + " failed: oops");
        assertThat(SqsErrors.describe(AbortedException.create("x"), "sqs:ReceiveMessage", QUEUE))
                .isEqualTo("sqs:ReceiveMessage aborted: the adapter is stopping");
        assertThat(SqsErrors.describe(new IllegalStateException("bug"), "sqs:ReceiveMessage", QUEUE))
                .isEqualTo("sqs:ReceiveMessage on " + QUEUE + " failed: java.lang.IllegalStateException: bug");
    }

    @Test
    void summaryDropsRequestIdsAndMasksEchoedCredentials() {
        SqsException e = sqsError("InvalidClientTokenId", 403, "The security token is invalid. Credential="
                + "ASIAQX7EXAMPLE2KEYID/20261204/us-east-1/sqs/aws4_request");

        assertThat(SqsErrors.summary(e)).contains("Credential=***/20261204").doesNotContain("ASIAQX7EXAMPLE2KEYID")
                .doesNotContain("(Service: ");
    }

    private static SqsException sqsError(String code, int status, String message) {
        return (SqsException) SqsException.builder().statusCode(status).message(message + " (Service: Sqs, Status"
                        + " Code: " + status + ", Request ID: 1234)")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
