package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

@ExtendWith(AwsEmulatorExtension.class)
class AwsEmulatorIT {

    @Test
    void endpointAnswersGetCallerIdentityInTheDefaultAccount(AwsEmulator emulator) {
        try (StsClient sts = SdkClients.sts(emulator)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(AwsEmulator.DEFAULT_ACCOUNT);
        }
    }

    @Test
    void extensionInjectsTheJvmWideEmulator(AwsEmulator emulator) {
        assertThat(emulator).isSameAs(AwsEmulator.shared());
        assertThat(emulator.region()).isEqualTo("us-east-1");
        assertThat(emulator.endpoint().toString()).doesNotEndWith("/");
    }

    @Test
    void resetClearsState(AwsEmulator emulator) {
        emulator.assumeMoto(); // reset() is only guaranteed on moto; elsewhere it is best effort
        try (SqsClient sqs = SdkClients.sqs(emulator)) {
            sqs.createQueue(request -> request.queueName("reset-clears-state"));
            assertThat(sqs.listQueues().queueUrls()).anyMatch(url -> url.endsWith("/reset-clears-state"));

            emulator.reset();

            assertThat(sqs.listQueues().queueUrls()).isEmpty();
        }
    }
}
