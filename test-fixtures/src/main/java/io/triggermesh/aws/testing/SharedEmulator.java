package io.triggermesh.aws.testing;

/**
 * The one emulator per JVM. The JVM initialises this class on first use, exactly once and thread-safely, which is
 * the whole of the lazy singleton; the field is final and nothing else here is static state.
 */
final class SharedEmulator {

    static final EmulatorResolution RESOLUTION = announce(EmulatorResolver.resolve(EmulatorResolver.systemProbe()));

    private SharedEmulator() {
    }

    // One line per JVM: build tools show skipped tests without their reason, so say it where people look.
    private static EmulatorResolution announce(EmulatorResolution resolution) {
        if (resolution instanceof EmulatorResolution.Ready ready) {
            System.out.println("[aws-emulator] using " + ready.emulator());
        } else if (resolution instanceof EmulatorResolution.Unavailable unavailable && !unavailable.ci()) {
            System.err.println("[aws-emulator] " + unavailable.message() + " Tests that need it are skipped.");
        }
        return resolution;
    }
}
