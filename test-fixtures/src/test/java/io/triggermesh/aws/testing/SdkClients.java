package io.triggermesh.aws.testing;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** SDK clients pointed at the emulator, as a module's tests would build them. */
final class SdkClients {

    private SdkClients() {
    }

    static StsClient sts(AwsEmulator emulator) {
        return sts(emulator, emulator.rootCredentialsProvider());
    }

    static StsClient sts(AwsEmulator emulator, IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        return StsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(credentials)
                .build();
    }

    static SqsClient sqs(AwsEmulator emulator) {
        return SqsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(emulator.rootCredentialsProvider())
                .build();
    }
}
