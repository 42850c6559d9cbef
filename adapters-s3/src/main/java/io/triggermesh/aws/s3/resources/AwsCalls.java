package io.triggermesh.aws.s3.resources;

import io.triggermesh.aws.adapter.ExpiredCredentials;
import io.triggermesh.aws.adapter.RejectedCredentials;
import io.triggermesh.aws.spi.AwsResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs one AWS call and sorts its failure into the kinds the controller understands: throttling, 5xx and network
 * errors are transient; a denial names the IAM action; everything else (a missing bucket, a rejected argument) is
 * permanent until the object changes.
 *
 * <p>Not the adapters' {@code queues.SqsErrors}: that sorts SQS failures for an adapter, which can only back off or
 * report; this sorts S3 and SQS failures of the controller into the SPI's outcomes. The credential codes are shared
 * ({@link ExpiredCredentials}, {@link RejectedCredentials}).
 */
final class AwsCalls {

    /** A request signed too long ago (clock skew, a long wait): the next attempt signs afresh. */
    private static final String REQUEST_EXPIRED = "RequestExpired";
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "AuthorizationError",
            "UnauthorizedOperation");
    private static final Set<String> TRANSIENT_CODES = Set.of("RequestTimeout", "RequestTimeoutException",
            "ServiceUnavailable", "SlowDown", "InternalError", "RequestThrottled");

    private AwsCalls() {
    }

    /**
     * Calls {@code request}, which performs the IAM action {@code action} on {@code resource}, and translates its
     * failure. Callers that expect a particular error (a queue that does not exist) catch it inside {@code request}.
     */
    static <T> T call(String action, String resource, Supplier<T> request) {
        try {
            return request.get();
        } catch (AwsServiceException e) {
            throw translate(action, resource, e);
        } catch (SdkClientException e) {
            throw AwsResourceException.transientFailure(action + " on " + resource + " could not reach AWS: "
                    + e.getMessage(), e);
        }
    }

    /** The kind of failure {@code e} is, with a message naming the action and the resource. */
    static AwsResourceException translate(String action, String resource, AwsServiceException e) {
        String code = errorCode(e).orElse("");
        String what = action + " on " + resource;
        String detail = describe(e);
        if (ExpiredCredentials.isCode(code) || REQUEST_EXPIRED.equals(code)) {
            return AwsResourceException.transientFailure(what + " failed: the credentials expired (" + detail
                    + "); retrying with fresh ones", e);
        }
        if (RejectedCredentials.isCode(code)) {
            return AwsResourceException.permanent(what + " failed: AWS rejected the credentials (" + detail
                    + "); check the keys or role in spec.auth", e);
        }
        if (e.isThrottlingException() || e.statusCode() >= 500 || TRANSIENT_CODES.contains(code)) {
            return AwsResourceException.transientFailure(what + " failed, will retry: " + detail, e);
        }
        if (e.statusCode() == 403 || DENIED.contains(code)) {
            return AwsResourceException.accessDenied(action, what + " was denied: " + detail
                    + "; allow " + action + " in the policy of the identity that manages this object's resources", e);
        }
        return AwsResourceException.permanent(what + " failed: " + detail, e);
    }

    /** The AWS error code, when the response carried one (moto's JSON-protocol 403s do not). */
    static Optional<String> errorCode(AwsServiceException e) {
        return Optional.ofNullable(e.awsErrorDetails()).map(AwsErrorDetails::errorCode).filter(c -> !c.isBlank());
    }

    private static String describe(AwsServiceException e) {
        String code = errorCode(e).orElse("HTTP " + e.statusCode());
        String message = Optional.ofNullable(e.awsErrorDetails()).map(AwsErrorDetails::errorMessage)
                .filter(m -> !m.isBlank()).orElse("");
        return message.isEmpty() ? code : code + ": " + message;
    }
}
