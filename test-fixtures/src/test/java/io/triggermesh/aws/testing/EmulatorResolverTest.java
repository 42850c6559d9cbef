package io.triggermesh.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.testing.EmulatorResolver.Choice;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class EmulatorResolverTest {

    private static final Path MOTO = Path.of("/opt/bin/moto_server");

    @Test
    void explicitEndpointWinsWithoutProbingDocker() {
        FakeProbe probe = FakeProbe.bareMachine().withDocker(null).withMoto(MOTO)
                .withEnvironment(Map.of(EmulatorResolver.ENDPOINT_ENV, "http://127.0.0.1:5000"));

        assertThat(EmulatorResolver.choose(probe))
                .isEqualTo(new Choice.Explicit("http://127.0.0.1:5000", EmulatorResolver.ENDPOINT_ENV));
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        FakeProbe probe = FakeProbe.bareMachine()
                .withEnvironment(Map.of(EmulatorResolver.ENDPOINT_ENV, "http://from-env:1"))
                .withProperties(Map.of(EmulatorResolver.ENDPOINT_PROPERTY, "http://from-property:2"));

        assertThat(EmulatorResolver.choose(probe)).isInstanceOfSatisfying(Choice.Explicit.class,
                explicit -> assertThat(explicit.url()).isEqualTo("http://from-property:2"));
    }

    @Test
    void blankExplicitEndpointIsIgnored() {
        FakeProbe probe = FakeProbe.bareMachine().withMoto(MOTO)
                .withEnvironment(Map.of(EmulatorResolver.ENDPOINT_ENV, " "));

        assertThat(EmulatorResolver.choose(probe)).isEqualTo(new Choice.Moto(MOTO));
    }

    @Test
    void localStackIsPreferredOverMotoWhenDockerAnswers() {
        FakeProbe probe = FakeProbe.bareMachine().withDocker(true).withMoto(MOTO);

        assertThat(EmulatorResolver.choose(probe)).isEqualTo(new Choice.LocalStack());
    }

    @Test
    void motoIsUsedWithoutDocker() {
        assertThat(EmulatorResolver.choose(FakeProbe.bareMachine().withMoto(MOTO))).isEqualTo(new Choice.Moto(MOTO));
    }

    @Test
    void nothingInstalledSkipsWithInstallInstructions() {
        EmulatorResolution resolution = EmulatorResolver.resolve(FakeProbe.bareMachine());

        assertThatThrownBy(resolution::emulatorOrAbort)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("pip install 'moto[server]'")
                .hasMessageContaining("Docker")
                .hasMessageContaining(EmulatorResolver.ENDPOINT_ENV);
    }

    @Test
    void nothingInstalledFailsInCi() {
        EmulatorResolution resolution =
                EmulatorResolver.resolve(FakeProbe.bareMachine().withEnvironment(Map.of("CI", "true")));

        assertThatThrownBy(resolution::emulatorOrAbort)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("pip install 'moto[server]'")
                .hasMessageContaining("CI=true");
    }

    @Test
    void malformedExplicitEndpointFailsEvenOutsideCi() {
        FakeProbe probe = FakeProbe.bareMachine()
                .withEnvironment(Map.of(EmulatorResolver.ENDPOINT_ENV, "ftp://127.0.0.1:5000"));

        assertThatThrownBy(EmulatorResolver.resolve(probe)::emulatorOrAbort)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EmulatorResolver.ENDPOINT_ENV)
                .hasMessageContaining("http(s) URL");
    }
}
