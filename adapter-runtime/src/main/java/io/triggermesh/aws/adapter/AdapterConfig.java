package io.triggermesh.aws.adapter;

import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.api.Arn;
import io.triggermesh.aws.spi.api.Redaction;
import io.triggermesh.aws.spi.api.Sink;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The adapter's configuration, read from its environment: the common variables every adapter gets from the
 * controller ({@code NAME}, {@code NAMESPACE}, {@code K_SINK}, {@code ARN}, {@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL[_<SERVICE>]}) and typed accessors for a connector's own variables. Every accessor fails with
 * an {@link AdapterConfigException} that names the variable. Blank values count as unset, as Kubernetes renders
 * empty variables.
 *
 * <p>{@link #toString()} lists variable names only, never values.
 */
public final class AdapterConfig {

    /** The sink of a source: an absolute http(s) URL. */
    public static final String K_SINK = AdapterEnv.K_SINK;
    /** How long one POST to the sink may take, in seconds. Default {@link #DEFAULT_SINK_TIMEOUT}. */
    public static final String K_SINK_TIMEOUT = AdapterEnv.K_SINK_TIMEOUT;
    /** The ARN of the connector's AWS resource ({@code spec.arn}). */
    public static final String ARN = AdapterEnv.ARN;
    /** The port a target's HTTP server listens on; see {@link #port(int)}. */
    public static final String PORT = AdapterEnv.PORT;
    /** {@code error}, {@code warn}, {@code info} (default), {@code debug} or {@code trace}. */
    public static final String LOG_LEVEL = AdapterEnv.LOG_LEVEL;

    /** Default for {@link #K_SINK_TIMEOUT}. */
    public static final Duration DEFAULT_SINK_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> env;
    private final AwsEndpoints endpoints;

    private AdapterConfig(Map<String, String> env) {
        this.env = Map.copyOf(env);
        try {
            this.endpoints = AwsEndpoints.fromEnvironment(this.env);
        } catch (IllegalArgumentException e) {
            throw new AdapterConfigException(AdapterEnv.AWS_ENDPOINT_URL, "or a per-service endpoint is invalid: "
                    + e.getMessage());
        }
    }

    /**
     * Reads the configuration from {@code env} (usually {@code System.getenv()}). Only endpoints are checked here;
     * everything else when it is asked for, so each adapter requires exactly what it uses.
     */
    public static AdapterConfig fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        return new AdapterConfig(env);
    }

    /** The whole environment, for auth-core's credential factory. */
    public Map<String, String> environment() {
        return env;
    }

    /** {@code NAME}: the connector object's name, {@code "adapter"} when unset (local runs). */
    public String name() {
        return optional(AdapterEnv.NAME).orElse("adapter");
    }

    /** {@code NAMESPACE}: the connector object's namespace, {@code "default"} when unset (local runs). */
    public String namespace() {
        return optional(AdapterEnv.NAMESPACE).orElse("default");
    }

    /** {@code namespace/name}, for logs. */
    public String objectName() {
        return namespace() + "/" + name();
    }

    /**
     * {@code BIND_ADDRESS}: the address a target's HTTP server listens on, all interfaces ({@code 0.0.0.0}) when
     * unset, as a pod needs; local mode binds loopback.
     */
    public String bindAddress() {
        return optional(AdapterEnv.BIND_ADDRESS).orElse("0.0.0.0");
    }

    /** Region and endpoint overrides for AWS clients. */
    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /**
     * {@code PORT}: where a target's HTTP server listens, {@code containerPort} (the port its {@code AdapterWorkload}
     * declares, which the controller's Service targets) when unset; local mode sets a free port. 0 picks any free
     * port.
     */
    public int port(int containerPort) {
        return integer(PORT, containerPort, 0, 65_535);
    }

    /** {@code K_SINK}, required: an absolute http(s) URL. */
    public URI sink() {
        String raw = required(K_SINK, "the URL of the sink that receives the events");
        Optional<String> problem = Sink.uriProblem(raw);
        if (problem.isPresent()) {
            throw new AdapterConfigException(K_SINK, problem.get() + " (got " + Redaction.uriForDisplay(raw)
                    + ")");
        }
        return URI.create(raw);
    }

    /** {@code K_SINK_TIMEOUT} in seconds, default {@link #DEFAULT_SINK_TIMEOUT}. */
    public Duration sinkTimeout() {
        return seconds(K_SINK_TIMEOUT).orElse(DEFAULT_SINK_TIMEOUT);
    }

    /** {@code ARN}, required, parsed; {@code what} says what it must name, for the message (e.g. "SQS queue"). */
    public Arn arn(String what) {
        String raw = required(ARN, "the ARN of the " + what);
        return Arn.parse(raw).orElseThrow(() -> new AdapterConfigException(ARN,
                Arn.syntaxProblem(raw).orElse("is not an ARN") + " (expected the ARN of the " + what + ")"));
    }

    /** The value of {@code variable}, when set and not blank. */
    public Optional<String> optional(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The value of {@code variable}; {@code purpose} completes "is required: ..." in the error. */
    public String required(String variable, String purpose) {
        return optional(variable).orElseThrow(() -> new AdapterConfigException(variable, "is required: "
                + purpose));
    }

    /** {@code true}/{@code false} (any case), else {@code defaultValue} when unset. */
    public boolean bool(String variable, boolean defaultValue) {
        Optional<String> raw = optional(variable);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new AdapterConfigException(variable, "must be true or false, not '" + raw.get() + "'");
        };
    }

    /** A whole number between {@code min} and {@code max}, else {@code defaultValue} when unset. */
    public int integer(String variable, int defaultValue, int min, int max) {
        Optional<String> raw = optional(variable);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new AdapterConfigException(variable, "must be a whole number, not '" + raw.get() + "'");
        }
        if (value < min || value > max) {
            throw new AdapterConfigException(variable, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A non-negative whole number of seconds, when set. */
    public Optional<Duration> seconds(String variable) {
        if (optional(variable).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(integer(variable, 0, 0, Integer.MAX_VALUE)));
    }

    /** The names of the variables set, without values. */
    @Override
    public String toString() {
        Set<String> names = new TreeSet<>();
        env.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                names.add(name);
            }
        });
        return "AdapterConfig[" + objectName() + ", set=" + names + "]";
    }
}
