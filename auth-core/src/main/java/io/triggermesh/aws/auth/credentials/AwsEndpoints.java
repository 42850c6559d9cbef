package io.triggermesh.aws.auth.credentials;

import io.triggermesh.aws.spi.AdapterEnv;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Where AWS clients go: a region, an optional endpoint for every service (emulators, proxies) and optional
 * per-service endpoints that win over it, named like the SDK's {@code AWS_ENDPOINT_URL_<SERVICE>} variables
 * ({@code STS}, {@code SQS}, {@code S3}; spaces and dashes become underscores).
 *
 * <p>Endpoints are absolute {@code http}/{@code https} URLs without query or fragment. User information
 * ({@code user:password@}) is stripped: the SDK never uses it, and it must not end up in logs or status.
 *
 * <p>Why not leave the variables to the SDK, which reads {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>},
 * the {@code aws.endpointUrl} system properties and a profile's {@code endpoint_url} by itself (checked against
 * 2.57.8, see docs/auth.md "Region and endpoints"):
 * <ul>
 *   <li>the controller's endpoint is a setting of its own ({@code triggermesh.controller.aws-endpoint}), not its
 *       process environment: this value carries it to every client the controller builds for an object (STS for
 *       identity checks, S3 and SQS in resource hooks, through {@code AwsAccess}) and into each adapter's
 *       {@code AWS_ENDPOINT_URL};</li>
 *   <li>adapters read their environment as a map ({@code AdapterConfig}), which tests and local mode supply;</li>
 *   <li>the SDK reports a bad value only at the first call, without naming the variable ({@code URISyntaxException:
 *       Expected scheme-specific part}; an empty {@code AWS_ENDPOINT_URL} is a {@code NullPointerException}), and
 *       keeps a {@code user:password@} part that the adapters would then log. Here a bad value stops the process at
 *       start with the variable's name.</li>
 * </ul>
 * {@link #applyTo} sets the endpoint as an override, which wins over what the SDK reads, so both always agree on a
 * set variable. The SDK would still read a variable that is set but empty, and fail every call, so an empty endpoint
 * variable is refused here rather than taken for unset (unlike the other variables adapters read).
 *
 * @param region the region every client uses
 * @param globalEndpoint endpoint for every service without its own override
 * @param serviceEndpoints per-service endpoints, keyed by normalised service name ({@code STS}, {@code SQS}, ...)
 */
public record AwsEndpoints(Region region, Optional<URI> globalEndpoint, Map<String, URI> serviceEndpoints) {

    /** Region used when neither {@code AWS_REGION} nor {@code AWS_DEFAULT_REGION} is set: {@code us-east-1}. */
    public static final Region DEFAULT_REGION = Region.US_EAST_1;

    /** The SDK's fallback region variable, read after {@code AWS_REGION}. */
    public static final String AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";

    private static final String SERVICE_PREFIX = AdapterEnv.AWS_ENDPOINT_URL + "_";

    public AwsEndpoints {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(globalEndpoint, "globalEndpoint");
        Objects.requireNonNull(serviceEndpoints, "serviceEndpoints");
        globalEndpoint = globalEndpoint.map(uri -> checked("globalEndpoint", uri));
        Map<String, URI> normalised = new TreeMap<>();
        serviceEndpoints.forEach((service, uri) ->
                normalised.put(serviceKey(service), checked("endpoint of " + service, uri)));
        serviceEndpoints = Map.copyOf(normalised);
    }

    /** The region alone, every service at its AWS endpoint. */
    public static AwsEndpoints of(Region region) {
        return new AwsEndpoints(region, Optional.empty(), Map.of());
    }

    /**
     * Reads {@code AWS_REGION} (then {@code AWS_DEFAULT_REGION}, then {@link #DEFAULT_REGION}),
     * {@code AWS_ENDPOINT_URL} and every {@code AWS_ENDPOINT_URL_<SERVICE>}. A blank region counts as unset, as
     * Kubernetes renders empty variables; a blank endpoint is refused, because the SDK reads it too.
     *
     * @throws IllegalArgumentException naming the variable when an endpoint is not a usable URL
     */
    public static AwsEndpoints fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        Region region = Optional.ofNullable(nonBlank(env.get(AdapterEnv.AWS_REGION)))
                .or(() -> Optional.ofNullable(nonBlank(env.get(AWS_DEFAULT_REGION))))
                .map(Region::of)
                .orElse(DEFAULT_REGION);
        Optional<URI> global = Optional.ofNullable(env.get(AdapterEnv.AWS_ENDPOINT_URL))
                .map(raw -> parseEndpoint(AdapterEnv.AWS_ENDPOINT_URL, raw));
        Map<String, URI> services = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(SERVICE_PREFIX) && name.length() > SERVICE_PREFIX.length() && value != null) {
                services.put(name.substring(SERVICE_PREFIX.length()), parseEndpoint(name, value));
            }
        });
        return new AwsEndpoints(region, global, services);
    }

    /** The endpoint for {@code service} ({@code "sts"}, {@code "SQS"}, ...): its own override, else the global one. */
    public Optional<URI> endpointFor(String service) {
        return Optional.ofNullable(serviceEndpoints.get(serviceKey(service))).or(() -> globalEndpoint);
    }

    /** A copy whose every service goes to {@code endpoint} unless it has its own override. */
    public AwsEndpoints withGlobalEndpoint(URI endpoint) {
        return new AwsEndpoints(region, Optional.of(endpoint), serviceEndpoints);
    }

    /** A copy with {@code service} sent to {@code endpoint}. */
    public AwsEndpoints withServiceEndpoint(String service, URI endpoint) {
        Map<String, URI> copy = new TreeMap<>(serviceEndpoints);
        copy.put(serviceKey(service), endpoint);
        return new AwsEndpoints(region, globalEndpoint, copy);
    }

    /** Sets the region and, when there is one, the endpoint override of {@code service} on a client builder. */
    public <B extends AwsClientBuilder<B, ?>> B applyTo(B builder, String service) {
        builder.region(region);
        endpointFor(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * Parses one endpoint variable. Messages name the variable and never echo a value that could carry user
     * information.
     */
    static URI parseEndpoint(String variable, String raw) {
        if (raw.isBlank()) {
            throw new IllegalArgumentException(variable + " is set but empty: unset it to use AWS's own endpoints, or"
                    + " give an http:// or https:// URL (the AWS SDK reads this variable too and fails every call when"
                    + " it is empty)");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a valid URL: " + e.getReason()
                    + " at character " + (e.getIndex() + 1));
        }
        return checked(variable, uri);
    }

    private static URI checked(String what, URI uri) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(what + " must be an absolute http:// or https:// URL"
                    + (scheme == null ? "" : ", not " + scheme + "://"));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(what + " has no valid host name (" + scheme + "://<host>[:port])");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must not have a query or fragment");
        }
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + e.getReason());
        }
    }

    private static String serviceKey(String service) {
        Objects.requireNonNull(service, "service");
        return service.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
