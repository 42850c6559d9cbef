package io.triggermesh.aws.adapter.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AwsClients;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * An adapter that assumes a role signs with temporary keys STS issued at run time: values its environment never
 * held, so only masking by name and shape keeps them out of its log.
 */
@ExtendWith(AwsEmulatorExtension.class)
class StsIssuedCredentialsLoggingIT {

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        LogManager.getLogManager().reset();
    }

    @Test
    void temporaryKeysIssuedByStsNeverReachTheLogAtTrace(AwsEmulator emulator) {
        emulator.assumeMoto();
        try (EmulatorIam iam = new EmulatorIam(emulator)) {
            String name = "sts-log-" + System.nanoTime();
            EmulatorIam.User user = iam.createUser(name, EmulatorIam.allow("sts:AssumeRole", "*"));
            String role = iam.createRole(EmulatorIam.ACCOUNT, name, EmulatorIam.trust(user.arn()),
                    EmulatorIam.allow("sqs:ListQueues", "*"));
            Map<String, String> env = iam.adapterEnv("AWS_ACCESS_KEY_ID", user.keys().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", user.keys().secretAccessKey(), "AWS_ASSUME_ROLE_ARN", role,
                    "NAME", "it", "NAMESPACE", "tests");
            AdapterLogging.configure(Level.ALL, SecretRedactor.forEnvironment(env),
                    new PrintStream(logs, true, StandardCharsets.UTF_8));

            AwsCredentials issued;
            try (AwsClients aws = AwsClients.fromConfig(AdapterConfig.fromEnvironment(env))) {
                aws.sqs(Region.of(emulator.region())).listQueues();
                issued = aws.credentialsProvider().resolveCredentials();
            }

            assertThat(issued).isInstanceOf(AwsSessionCredentials.class);
            String token = ((AwsSessionCredentials) issued).sessionToken();
            String written = logs.toString(StandardCharsets.UTF_8);
            assertThat(written).as("the SDK logged the signed requests").containsIgnoringCase("x-amz-security-token");
            assertThat(written).doesNotContain(issued.accessKeyId(), issued.secretAccessKey(), token)
                    .doesNotContain(user.keys().secretAccessKey());
            assertThat(written).doesNotContainPattern("A[KS]IA[A-Z0-9]{16}");
        }
    }
}
