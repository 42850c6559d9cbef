package io.triggermesh.aws.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers. The only class that touches Testcontainers, so a consumer that excludes it
 * only loses this path (callers catch {@link LinkageError}).
 */
final class LocalStackEmulator {

    /** Overrides {@link #DEFAULT_IMAGE}, e.g. for a mirror or a licensed image. */
    static final String IMAGE_ENV = "TRIGGERMESH_TEST_LOCALSTACK_IMAGE";

    /** Passed on to the container when set; newer LocalStack images refuse to start without it. */
    static final String AUTH_TOKEN_ENV = "LOCALSTACK_AUTH_TOKEN";

    // Pinned: since March 2026 'latest' and later tags need an auth token; 4.14.0 is the last free community tag.
    static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";

    private LocalStackEmulator() {
    }

    /**
     * Whether a Docker engine answers. Asks Testcontainers only when something hints at an engine: without one,
     * Testcontainers walks every strategy and logs each failure at ERROR, which would flood every test run on
     * machines that simply have no Docker.
     */
    static boolean dockerAnswers(Map<String, String> env) {
        if (!dockerHinted(env, Path.of(System.getProperty("user.home", "")))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Cheap, silent look for the places Testcontainers would find an engine: variables, config, socket files. */
    static boolean dockerHinted(Map<String, String> env, Path home) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return true; // a named pipe, not a file we can look for
        }
        if (isSet(env.get("DOCKER_HOST")) || Files.exists(home.resolve(".testcontainers.properties"))) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".orbstack/run/docker.sock")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (isSet(runtimeDir)) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
            sockets.add(Path.of(runtimeDir, ".docker/run/docker.sock"));
            sockets.add(Path.of(runtimeDir, "podman/podman.sock"));
        }
        return sockets.stream().anyMatch(Files::exists);
    }

    /** Starts a container (stopped at JVM exit; Testcontainers' reaper covers a killed JVM). */
    static AwsEmulator start(Map<String, String> env) {
        String image = isSet(env.get(IMAGE_ENV)) ? env.get(IMAGE_ENV) : DEFAULT_IMAGE;
        LocalStackContainer container = new LocalStackContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"));
        if (isSet(env.get(AUTH_TOKEN_ENV))) {
            container.withEnv(AUTH_TOKEN_ENV, env.get(AUTH_TOKEN_ENV));
        }
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-stop"));
        return new AwsEmulator(AwsEmulator.Kind.LOCALSTACK, container.getEndpoint());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
