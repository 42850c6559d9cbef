package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.adapter.http.TargetReply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.model.SqsException;

class TargetRepliesTest {

    private final TargetReplies replies = new TargetReplies("arn:aws:sqs:us-east-1:123456789012:q");

    @ParameterizedTest
    @CsvSource({
        "AccessDenied, true, 403, false",
        "KmsAccessDenied, true, 403, false",
        "InvalidParameterValue, true, 400, false",
        "InvalidMessageContents, true, 400, false",
        "RequestThrottled, true, 429, true",
        "KmsThrottled, true, 429, true",
        "InternalError, false, 503, true",
        "AWS.SimpleQueueService.NonExistentQueue, true, 410, false"})
    void batchEntryErrorsMapToStatusesThatSayWhetherToRetry(String code, boolean senderFault, int status,
                                                            boolean retryable) {
        TargetReply reply = replies.failed(new SendBatcher.Outcome.Failed(SendBatcher.SEND_BATCH, code, "m",
                senderFault, null));

        assertThat(reply).isInstanceOfSatisfying(TargetReply.Failure.class, f -> {
            assertThat(f.status()).isEqualTo(status);
            assertThat(f.retryable()).isEqualTo(retryable);
            assertThat(f.retryAfter().isPresent()).isEqualTo(retryable);
        });
    }

    @ParameterizedTest
    @CsvSource({"403, , 403", "400, QueueDoesNotExist, 410", "500, InternalError, 503", "400, Throttling, 429"})
    void callErrorsMapByStatusAndCode(int httpStatus, String code, int expected) {
        SqsException error = (SqsException) SqsException.builder().statusCode(httpStatus).message("x")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();

        TargetReply reply = replies.failed(new SendBatcher.Outcome.Failed(SendBatcher.SEND, null, "x", false, error));

        assertThat(((TargetReply.Failure) reply).status()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aBatchEntrysMessageFromSqsIsMaskedBeforeItIsAnswered() {
        String echoed = "The security token included in the request is invalid. Authorization: AWS4-HMAC-SHA256"
                + " Credential=ASIAQX7EXAMPLE2KEYID/20261204/us-east-1/sqs/aws4_request; X-Amz-Security-Token:"
                + " FQoGZXIvYXdzEBYaDEchoedToken0123456789";
        TargetReply.Failure reply = (TargetReply.Failure) replies.failed(new SendBatcher.Outcome.Failed(
                SendBatcher.SEND_BATCH, "InvalidClientTokenId", echoed, true, null));

        assertThat(reply.message()).contains("Credential=***/20261204", "X-Amz-Security-Token: ***")
                .doesNotContain("ASIAQX7EXAMPLE2KEYID", "FQoGZXIvYXdzEBYaDEchoedToken0123456789");
    }

    @org.junit.jupiter.api.Test
    void accessDeniedNamesTheActionThatWasDenied() {
        TargetReply.Failure reply = (TargetReply.Failure) replies.failed(new SendBatcher.Outcome.Failed(
                SendBatcher.SEND, "AccessDenied", "denied", true, null));

        assertThat(reply.message()).contains("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q");
    }
}
