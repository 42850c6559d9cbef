package io.triggermesh.aws.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The one place that decides which emulator the tests get. */
final class EmulatorResolver {

    static final String ENDPOINT_ENV = "TRIGGERMESH_TEST_AWS_ENDPOINT";
    static final String ENDPOINT_PROPERTY = "triggermesh.test.aws.endpoint";

    static final String NOTHING_FOUND = "No AWS emulator for integration tests. Install one of: moto_server"
            + " (pip install 'moto[server]', so that moto_server is on PATH), or a Docker engine (LocalStack then"
            + " runs through Testcontainers); or set " + ENDPOINT_ENV + " to a running emulator, e.g."
            + " http://127.0.0.1:5000.";

    /** What the machine offers. Asked in resolution order, so a later source is never probed needlessly. */
    interface Probe {
        Map<String, String> environment();

        Optional<String> systemProperty(String name);

        boolean dockerAnswers();

        Optional<Path> motoServer();

        Path logDirectory();
    }

    /** Which emulator to use, before anything is started. */
    sealed interface Choice {
        record Explicit(String url, String source) implements Choice {
        }

        record LocalStack() implements Choice {
        }

        record Moto(Path executable) implements Choice {
        }

        record Nothing() implements Choice {
        }
    }

    private EmulatorResolver() {
    }

    /**
     * The resolution order: (1) an explicit endpoint, the system property before the environment variable since it
     * is the more local setting; (2) LocalStack when Docker answers; (3) moto_server from PATH; (4) nothing.
     */
    static Choice choose(Probe probe) {
        Optional<Choice> explicit = probe.systemProperty(ENDPOINT_PROPERTY).filter(v -> !v.isBlank())
                .<Choice>map(url -> new Choice.Explicit(url, "-D" + ENDPOINT_PROPERTY))
                .or(() -> Optional.ofNullable(probe.environment().get(ENDPOINT_ENV)).filter(v -> !v.isBlank())
                        .map(url -> new Choice.Explicit(url, ENDPOINT_ENV)));
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (probe.dockerAnswers()) {
            return new Choice.LocalStack();
        }
        return probe.motoServer().<Choice>map(Choice.Moto::new).orElseGet(Choice.Nothing::new);
    }

    /** Chooses and starts; never throws, so the outcome can be kept and replayed to every test. */
    static EmulatorResolution resolve(Probe probe) {
        Choice choice = choose(probe);
        if (choice instanceof Choice.Nothing) {
            return new EmulatorResolution.Unavailable(NOTHING_FOUND, isCi(probe.environment()));
        }
        try {
            return new EmulatorResolution.Ready(start(choice, probe));
        } catch (Exception | LinkageError e) {
            return new EmulatorResolution.Failed("The AWS emulator for integration tests (" + choice
                    + ") could not be used: " + e.getMessage() + ". Fix it, or set " + ENDPOINT_ENV
                    + " to another running emulator.", e);
        }
    }

    static boolean isCi(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.get("CI"));
    }

    private static AwsEmulator start(Choice choice, Probe probe) throws IOException {
        if (choice instanceof Choice.Explicit explicit) {
            return ExplicitEndpoint.connect(explicit.url(), explicit.source());
        }
        if (choice instanceof Choice.LocalStack) {
            return LocalStackEmulator.start(probe.environment());
        }
        MotoServerProcess server = MotoServerProcess.start(((Choice.Moto) choice).executable(), probe.logDirectory());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto_server-stop"));
        return new AwsEmulator(AwsEmulator.Kind.MOTO, server.endpoint());
    }

    /** The real machine: environment, system properties, Docker, PATH. */
    static Probe systemProbe() {
        return new Probe() {
            @Override
            public Map<String, String> environment() {
                return System.getenv();
            }

            @Override
            public Optional<String> systemProperty(String name) {
                return Optional.ofNullable(System.getProperty(name));
            }

            @Override
            public boolean dockerAnswers() {
                try {
                    return LocalStackEmulator.dockerAnswers(System.getenv());
                } catch (LinkageError e) {
                    return false; // Testcontainers excluded from the test classpath: no LocalStack path
                }
            }

            @Override
            public Optional<Path> motoServer() {
                return MotoServerProcess.findOnPath(System.getenv("PATH"));
            }

            @Override
            public Path logDirectory() {
                // Surefire and failsafe set basedir to the module directory; IDEs usually run from it.
                String base = System.getProperty("basedir", System.getProperty("user.dir"));
                return Path.of(base, "target", "aws-emulator");
            }
        };
    }
}
