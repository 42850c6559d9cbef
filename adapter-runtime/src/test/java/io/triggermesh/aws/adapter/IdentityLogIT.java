package io.triggermesh.aws.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import java.net.URI;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The start-up line that says which AWS identity an adapter acts as, as AWS sees it. */
@ExtendWith(AwsEmulatorExtension.class)
class IdentityLogIT {

    private final Logger logger = Logger.getLogger(IdentityLog.class.getName());
    private final CapturedLog capture = new CapturedLog();
    private final List<String> lines = capture.lines();

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void theIdentityAwsSeesIsLoggedWithoutTheKeys(AwsEmulator emulator) {
        emulator.assumeMoto();
        try (EmulatorIam iam = new EmulatorIam(emulator)) {
            EmulatorIam.User user = iam.createUser("identity-log-"
                    + System.nanoTime(), EmulatorIam.allow("s3:ListAllMyBuckets", "*"));
            AwsEndpoints endpoints = AwsEndpoints.of(Region.of(emulator.region()))
                    .withGlobalEndpoint(emulator.endpoint());
            try (AwsClients aws = AwsClients.withProvider(endpoints, StaticCredentialsProvider.create(user.keys()))) {
                IdentityLog.log(aws);
            }
            assertThat(lines).containsExactly("INFO acting as AWS identity " + user.arn());
            assertThat(String.join("\n", lines)).doesNotContain(user.keys().accessKeyId())
                    .doesNotContain(user.keys().secretAccessKey());
        }
    }

    @Test
    void anUnreachableStsIsAWarningNotAFailure() {
        AwsEndpoints endpoints = AwsEndpoints.of(Region.US_EAST_1).withGlobalEndpoint(URI.create("http://127.0.0.1:9"));
        try (AwsClients aws = AwsClients.withProvider(endpoints, StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))) {
            IdentityLog.log(aws);
        }
        assertThat(lines).singleElement().asString().startsWith("WARNING could not tell which AWS identity");
    }
}
