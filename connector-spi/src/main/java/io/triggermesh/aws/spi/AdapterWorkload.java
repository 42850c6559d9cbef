package io.triggermesh.aws.spi;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The adapter process the controller runs for one object. The controller adds the credentials environment, the
 * common variables ({@code NAME}, {@code NAMESPACE}, {@code K_SINK}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL})
 * and the ServiceAccount; this describes the rest. There is no main class: the image's entrypoint is adapter-runtime's
 * launcher, which starts the adapter registered for the object's kind ({@link AdapterEnv#KIND}), and local mode
 * starts the same launcher.
 *
 * @param image container image of the adapter
 * @param env plain, non-secret environment specific to the connector (for example {@code ARN})
 * @param httpPort the port a target listens on for CloudEvents, empty for sources
 */
public record AdapterWorkload(String image, Map<String, String> env, OptionalInt httpPort) {

    public AdapterWorkload {
        Objects.requireNonNull(image, "image");
        env = Map.copyOf(env);
        Objects.requireNonNull(httpPort, "httpPort");
    }

    public static AdapterWorkload source(String image, Map<String, String> env) {
        return new AdapterWorkload(image, env, OptionalInt.empty());
    }

    public static AdapterWorkload target(String image, Map<String, String> env, int port) {
        return new AdapterWorkload(image, env, OptionalInt.of(port));
    }

    /** Whether the adapter receives events over HTTP (targets get a Service and an address). */
    public boolean receivesHttp() {
        return httpPort.isPresent();
    }
}
