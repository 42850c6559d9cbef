package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class ExplicitEndpointIT {

    @Test
    void motoAtAnExplicitEndpointIsRecognisedAsMoto(AwsEmulator emulator) {
        emulator.assumeMoto();

        AwsEmulator explicit = ExplicitEndpoint.connect(emulator.endpoint() + "/", "test");

        assertThat(explicit.kind()).isEqualTo(AwsEmulator.Kind.MOTO);
        assertThat(explicit.endpoint()).isEqualTo(emulator.endpoint());
    }

    @Test
    void explicitEndpointWhereNothingAnswersIsAnError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> ExplicitEndpoint.connect("http://127.0.0.1:" + closedPort, "TEST_VARIABLE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing answers")
                .hasMessageContaining("TEST_VARIABLE");
    }
}
