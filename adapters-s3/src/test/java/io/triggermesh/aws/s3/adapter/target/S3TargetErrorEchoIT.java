package io.triggermesh.aws.s3.adapter.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
import io.triggermesh.aws.adapter.logging.SecretRedactor;
import io.triggermesh.aws.s3.api.BucketArn;
import io.triggermesh.aws.testing.EchoingAwsEndpoint;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 echoes the signed request in SignatureDoesNotMatch; the target's HTTP reply quotes S3 without it. */
class S3TargetErrorEchoIT {

    private static final String SPEC_ARN = "arn:aws:s3:us-east-1:123456789012:archive";
    private static final String KEY_ID = "ASIAQX7EXAMPLE2KEYID";
    private static final String TOKEN = "FQoGZXIvYXdzEBYaDEchoedSessionTokenCanary0123456789";

    @AfterEach
    void restore() {
        LogManager.getLogManager().reset();
    }

    @Test
    void aRejectedSignatureIsAnsweredWithoutTheKeyIdOrSessionToken() {
        // As AdapterRuntime.run does: the process's redactor knows the credential values of its environment.
        AdapterLogging.configure(Level.INFO, SecretRedactor.forEnvironment(Map.of("AWS_ACCESS_KEY_ID", KEY_ID,
                "AWS_SECRET_ACCESS_KEY", "echo-secret", "AWS_SESSION_TOKEN", TOKEN)),
                new PrintStream(OutputStream.nullOutputStream()));
        TargetReply reply;
        try (EchoingAwsEndpoint echo = EchoingAwsEndpoint.start();
             S3Client s3 = S3Client.builder().endpointOverride(echo.endpoint()).forcePathStyle(true)
                     .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsSessionCredentials.create(KEY_ID, "echo-secret", TOKEN))).build()) {
            BucketArn bucket = BucketArn.parse(SPEC_ARN).orElseThrow();
            reply = new S3TargetHandler(bucket, SPEC_ARN, false, new S3ObjectStore(s3, bucket))
                    .handle(CloudEventBuilder.v1().withId("e-1").withType("t").withSource(URI.create("/shop"))
                            .withData("application/json", "{}".getBytes(StandardCharsets.UTF_8)).build());
        }

        assertThat(reply).isInstanceOfSatisfying(TargetReply.Failure.class, failure -> {
            assertThat(failure.status()).isEqualTo(403);
            assertThat(failure.message()).contains(EchoingAwsEndpoint.CODE, "x-amz-security-token:***")
                    .doesNotContain(KEY_ID, TOKEN);
        });
    }
}
