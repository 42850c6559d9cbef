package io.triggermesh.aws.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The adapter process the controller runs for one object. The controller adds the credentials environment, the
 * common variables ({@code NAME}, {@code NAMESPACE}, {@code K_SINK}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL})
 * and the ServiceAccount; this describes the rest.
 *
 * @param image container image of the adapter
 * @param mainClass Java main class inside the image, also used by local mode to start the adapter as a process
 * @param env plain, non-secret environment specific to the connector (for example {@code ARN})
 * @param httpPort the port a target listens on for CloudEvents, empty for sources
 */
public record AdapterWorkload(String image, String mainClass, Map<String, String> env, OptionalInt httpPort) {

    public AdapterWorkload {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mainClass, "mainClass");
        env = Map.copyOf(env);
        Objects.requireNonNull(httpPort, "httpPort");
    }

    public static AdapterWorkload source(String image, String mainClass, Map<String, String> env) {
        return new AdapterWorkload(image, mainClass, env, OptionalInt.empty());
    }

    public static AdapterWorkload target(String image, String mainClass, Map<String, String> env, int port) {
        return new AdapterWorkload(image, mainClass, env, OptionalInt.of(port));
    }

    /** Whether the adapter receives events over HTTP (targets get a Service and an address). */
    public boolean receivesHttp() {
        return httpPort.isPresent();
    }

    /** The names of the environment variables, in a stable order, for diagnostics. */
    public List<String> envNames() {
        return env.keySet().stream().sorted().toList();
    }
}
