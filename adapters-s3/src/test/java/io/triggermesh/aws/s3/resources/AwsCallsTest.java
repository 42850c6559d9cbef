package io.triggermesh.aws.s3.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.AwsResourceException.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class AwsCallsTest {

    private static AwsServiceException error(int status, String code, String message) {
        return S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(message).build();
    }

    private static AwsResourceException failing(RuntimeException e) {
        return catchThrowableOfType(AwsResourceException.class,
                () -> AwsCalls.call("s3:PutBucketNotification", "bucket b", () -> {
                    throw e;
                }));
    }

    @Test
    void accessDeniedNamesTheActionToAllow() {
        AwsResourceException e = failing(error(403, "AccessDenied", "not authorized"));

        assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(e.missingAction()).hasValue("s3:PutBucketNotification");
        assertThat(e.getMessage()).contains("s3:PutBucketNotification on bucket b was denied", "AccessDenied");
    }

    @Test
    void a403WithoutAnErrorCodeIsStillADenial() {
        // moto's JSON-protocol services answer authorization failures this way (docs/testing.md).
        AwsServiceException e = AwsServiceException.builder().statusCode(403).message("").build();

        assertThat(failing(e).kind()).isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void throttlingServerErrorsAndNetworkFailuresAreTransient() {
        assertThat(failing(error(503, "SlowDown", "slow down")).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failing(error(500, "InternalError", "oops")).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failing(error(400, "Throttling", "rate exceeded")).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failing(SdkClientException.create("connection refused")).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void expiredCredentialsAreRetriedButRejectedOnesArePermanent() {
        assertThat(failing(error(400, "ExpiredToken", "expired")).kind()).isEqualTo(Kind.TRANSIENT);
        AwsResourceException rejected = failing(error(403, "InvalidAccessKeyId", "no such key"));
        assertThat(rejected.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(rejected.getMessage()).contains("rejected the credentials");
    }

    @Test
    void otherClientErrorsArePermanent() {
        AwsResourceException e = failing(error(400, "InvalidArgument", "bad configuration"));

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.getMessage()).contains("InvalidArgument: bad configuration");
    }
}
