package io.triggermesh.aws.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The controller's AWS calls go where {@code AWS_ENDPOINT_URL_<SERVICE>} sends them, given as the properties
 * Micronaut reads it as: STS at the emulator through {@code aws.endpoint.url.sts}, while the controller's own
 * endpoint, which every other service uses, is a closed port.
 */
@ExtendWith(AwsEmulatorExtension.class)
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControllerAwsEndpointsIT implements TestPropertyProvider {

    @Inject
    AwsEndpoints endpoints;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "triggermesh.controller.aws-endpoint", "http://127.0.0.1:" + closedPort(),
                "aws.endpoint.url.sts", AwsEmulator.shared().endpoint().toString());
    }

    @Test
    void anStsCallGoesToTheEndpointOfAwsEndpointUrlSts(AwsEmulator emulator) {
        try (StsClient sts = endpoints.applyTo(StsClient.builder(), "sts")
                .credentialsProvider(emulator.rootCredentialsProvider())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)))
                .build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(AwsEmulator.DEFAULT_ACCOUNT);
        }
        assertThat(endpoints.endpointFor("s3")).isNotEqualTo(endpoints.endpointFor("sts"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
