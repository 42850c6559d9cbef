package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

@ExtendWith(AwsEmulatorExtension.class)
class IamEnforcementIT {

    private static final StaticCredentialsProvider UNKNOWN_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN00", "not-a-real-secret"));

    private final AwsEmulator emulator;

    IamEnforcementIT(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    @BeforeEach
    void needsMoto() {
        emulator.assumeMoto();
    }

    @AfterEach
    void leaveEnforcementOffForOtherTests() {
        emulator.disableIamEnforcement();
    }

    @Test
    void unknownKeysAreRejectedWhileEnforcementIsOn() {
        emulator.enableIamEnforcement();

        try (StsClient sts = SdkClients.sts(emulator, UNKNOWN_KEYS)) {
            assertThatThrownBy(sts::getCallerIdentity)
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void unknownKeysWorkAgainOnceEnforcementIsOff() {
        emulator.enableIamEnforcement();
        emulator.disableIamEnforcement();

        try (StsClient sts = SdkClients.sts(emulator, UNKNOWN_KEYS)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(AwsEmulator.DEFAULT_ACCOUNT);
        }
    }
}
