package io.triggermesh.aws.auth.credentials;

import io.triggermesh.aws.testing.AwsEmulator;
import software.amazon.awssdk.regions.Region;

/** The shared emulator IAM helper, plus the {@link AwsEndpoints} that auth-core's factories take. */
final class EmulatorIam extends io.triggermesh.aws.testing.EmulatorIam {

    EmulatorIam(AwsEmulator emulator) {
        super(emulator);
    }

    AwsEndpoints endpoints() {
        return AwsEndpoints.of(Region.of(emulator().region())).withGlobalEndpoint(emulator().endpoint());
    }
}
