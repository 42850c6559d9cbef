package io.triggermesh.aws.e2e.suite;

import io.triggermesh.aws.testing.AwsEmulator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every suite class runs against: the AWS emulator (IAM enforcement off to start with), the scenario helpers
 * for it, an event sink, and the system in local mode. Closed in reverse order, each part even if another fails.
 */
final class World implements AutoCloseable {

    final AwsEmulator emulator;
    final Aws aws;
    final Sink sink;
    final LocalSystem system;
    private final AutoCloseable extra;

    private World(AwsEmulator emulator, Aws aws, Sink sink, LocalSystem system, AutoCloseable extra) {
        this.emulator = emulator;
        this.aws = aws;
        this.sink = sink;
        this.system = system;
        this.extra = extra;
    }

    /** Local mode (with its own controller) straight against the emulator. */
    static World start(String name) {
        return start(name, false, endpoint -> null);
    }

    /**
     * @param separateController run the controller as its own process (so a test can kill it)
     * @param inFront something to put between the system and the emulator, given the emulator's endpoint (null: none)
     */
    static World start(String name, boolean separateController, Function<URI, FrontOfAws> inFront) {
        return start(name, separateController, inFront, emulator -> List.of(), emulator -> Map.of());
    }

    /**
     * @param extraArgs more options of local mode, given the emulator
     * @param extraEnv local mode's own environment (not its adapters'), given the emulator
     */
    static World start(String name, boolean separateController, Function<URI, FrontOfAws> inFront,
                       Function<AwsEmulator, List<String>> extraArgs,
                       Function<AwsEmulator, Map<String, String>> extraEnv) {
        AwsEmulator emulator = AwsEmulator.shared();
        emulator.assumeMoto();
        // From an empty emulator: account ids restart in every JVM, and a long-lived emulator
        // (TRIGGERMESH_TEST_AWS_ENDPOINT) still holds the users, roles and queues of an earlier run or suite class.
        emulator.reset();
        emulator.disableIamEnforcement();
        FrontOfAws front = inFront.apply(emulator.endpoint());
        LocalSystem system = LocalSystem.start(name, front == null ? emulator.endpoint() : front.uri(),
                separateController, extraArgs.apply(emulator), extraEnv.apply(emulator));
        return new World(emulator, new Aws(emulator), new Sink(), system, front);
    }

    /** A proxy or similar the system talks to instead of the emulator. */
    interface FrontOfAws extends AutoCloseable {
        URI uri();
    }

    /** Closes every part; then fails with what the system's own shutdown found wrong (adapters left running). */
    @Override
    public void close() {
        AssertionError failure = null;
        for (AutoCloseable part : new AutoCloseable[] {system, extra, sink, aws}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (AssertionError e) {
                failure = failure == null ? e : failure;
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
