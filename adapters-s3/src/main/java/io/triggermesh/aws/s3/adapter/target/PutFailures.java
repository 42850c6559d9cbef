package io.triggermesh.aws.s3.adapter.target;

import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import io.triggermesh.aws.s3.api.BucketArn;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A failed PutObject as the answer to the sender. Senders (Knative among them) retry 404, 408, 409, 429 and 5xx, so
 * only failures that can heal by themselves get those: throttling (429 with Retry-After), AWS server errors and
 * unreachable endpoints (502), expired credentials (503, refreshed on the next attempt). Problems only a person can
 * fix get a clear non-retried status: 403 for a denied or invalid identity, 410 for a bucket that does not exist,
 * 413 for an object too large, 400 for anything else S3 refuses. (The original answered 500 to everything.)
 *
 * <p>Every AWS text in a reply is masked by the adapter's redactor first: S3 echoes the signed request (key id,
 * session token) in {@code SignatureDoesNotMatch} messages.
 */
final class PutFailures {

    static final Duration THROTTLE_RETRY_AFTER = Duration.ofSeconds(1);

    private static final Set<String> REJECTED_CREDENTIALS = Set.of("InvalidAccessKeyId", "InvalidToken",
            "SignatureDoesNotMatch", "InvalidClientTokenId");
    private static final Set<String> EXPIRED_CREDENTIALS = Set.of("ExpiredToken", "RequestExpired");

    private PutFailures() {
    }

    private static String masked(String text) {
        return AdapterLogging.redactor().redact(text);
    }

    static TargetReply.Failure reply(BucketArn bucket, SdkException failure) {
        if (failure instanceof AwsServiceException aws) {
            return aws(bucket, aws);
        }
        if (failure instanceof SdkClientException) {
            return TargetReply.failure(502, "AwsUnreachable", "could not reach S3 to write to bucket "
                    + bucket.bucket() + ": " + masked(failure.getMessage()));
        }
        return TargetReply.failure(500, "AwsClientError", "writing to bucket " + bucket.bucket() + " failed: "
                + masked(failure.getMessage()));
    }

    private static TargetReply.Failure aws(BucketArn bucket, AwsServiceException e) {
        String code = Optional.ofNullable(e.awsErrorDetails()).map(AwsErrorDetails::errorCode)
                .filter(c -> !c.isBlank()).orElse("");
        String detail = (code.isEmpty() ? "HTTP " + e.statusCode() : code) + Optional.ofNullable(e.awsErrorDetails())
                .map(AwsErrorDetails::errorMessage).filter(m -> !m.isBlank()).map(m -> ": " + masked(m)).orElse("");
        String where = "bucket " + bucket.bucket();
        if (code.equals("NoSuchBucket")) {
            return TargetReply.failure(410, "NoSuchBucket", where + " does not exist; create it or correct spec.arn");
        }
        if (EXPIRED_CREDENTIALS.contains(code)) {
            return TargetReply.throttled(503, "CredentialsExpired", "the adapter's credentials expired (" + detail
                    + "); they are refreshed for the next attempt", THROTTLE_RETRY_AFTER);
        }
        if (REJECTED_CREDENTIALS.contains(code)) {
            return TargetReply.failure(403, "InvalidCredentials", "S3 rejected the adapter's credentials (" + detail
                    + "); check spec.auth");
        }
        if (e.isThrottlingException()) {
            return TargetReply.throttled(429, code.isEmpty() ? "SlowDown" : code, "S3 throttled writes to " + where
                    + " (" + detail + ")", THROTTLE_RETRY_AFTER);
        }
        if (e.statusCode() >= 500) {
            return TargetReply.failure(502, code.isEmpty() ? "AwsServerError" : code, "S3 failed to write to " + where
                    + " (" + detail + ")");
        }
        if (e.statusCode() == 403 || code.startsWith("AccessDenied") || code.contains("KMS")) {
            return TargetReply.failure(403, "AccessDenied", "s3:PutObject on " + where + " was denied (" + detail
                    + "); grant s3:PutObject on " + bucket.iamArn() + "/* to the adapter's identity (and"
                    + " kms:GenerateDataKey for a bucket encrypted with a customer managed KMS key)");
        }
        if (code.equals("EntityTooLarge")) {
            return TargetReply.failure(413, code, "S3 refused the object as too large (" + detail + ")");
        }
        return TargetReply.failure(400, code.isEmpty() ? "S3Refused" : code, "S3 refused the object for " + where
                + " (" + detail + ")");
    }
}
