package io.triggermesh.aws.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A machine described by hand; {@code docker} null means "must not be asked". */
record FakeProbe(Map<String, String> environment, Map<String, String> properties, Boolean docker,
        Optional<Path> motoServer) implements EmulatorResolver.Probe {

    static FakeProbe bareMachine() {
        return new FakeProbe(Map.of(), Map.of(), false, Optional.empty());
    }

    FakeProbe withEnvironment(Map<String, String> value) {
        return new FakeProbe(value, properties, docker, motoServer);
    }

    FakeProbe withProperties(Map<String, String> value) {
        return new FakeProbe(environment, value, docker, motoServer);
    }

    FakeProbe withDocker(Boolean value) {
        return new FakeProbe(environment, properties, value, motoServer);
    }

    FakeProbe withMoto(Path value) {
        return new FakeProbe(environment, properties, docker, Optional.of(value));
    }

    @Override
    public Optional<String> systemProperty(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    @Override
    public boolean dockerAnswers() {
        if (docker == null) {
            throw new AssertionError("Docker was probed although an earlier source had already decided");
        }
        return docker;
    }

    @Override
    public Path logDirectory() {
        return Path.of("target", "aws-emulator");
    }
}
