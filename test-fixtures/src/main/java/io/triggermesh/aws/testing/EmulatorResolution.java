package io.triggermesh.aws.testing;

import java.util.Objects;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The outcome of looking for an emulator, kept for the JVM's lifetime so every test sees the same answer. */
sealed interface EmulatorResolution {

    /** The emulator, or the JUnit outcome the situation calls for (see the records). */
    AwsEmulator emulatorOrAbort();

    record Ready(AwsEmulator emulator) implements EmulatorResolution {
        public Ready {
            Objects.requireNonNull(emulator, "emulator");
        }

        @Override
        public AwsEmulator emulatorOrAbort() {
            return emulator;
        }
    }

    /** Nothing installed: skip with the message locally, fail in CI where a skip would hide missing coverage. */
    record Unavailable(String message, boolean ci) implements EmulatorResolution {
        @Override
        public AwsEmulator emulatorOrAbort() {
            if (ci) {
                return Assertions.fail(message + " CI=true, so this fails instead of skipping.");
            }
            return Assumptions.abort(message);
        }
    }

    /** An emulator was chosen but could not be used: always a failure, since something installed is broken. */
    record Failed(String message, Throwable cause) implements EmulatorResolution {
        @Override
        public AwsEmulator emulatorOrAbort() {
            throw new IllegalStateException(message, cause);
        }
    }
}
