package io.triggermesh.aws.controller.config;

import io.micronaut.core.value.PropertyResolver;
import io.triggermesh.aws.spi.AdapterEnv;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS SDK's endpoint variables ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}) as the
 * controller's configuration reads them: Micronaut reads the process environment as properties, so
 * {@code AWS_ENDPOINT_URL} is {@code aws.endpoint.url} and {@code AWS_ENDPOINT_URL_SQS} is
 * {@code aws.endpoint.url.sqs} ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER} is {@code aws.endpoint.url.secrets.manager}
 * and {@code ...secrets-manager}). The same properties may be set like any other (application.yml, command line,
 * tests). They are given back under the variables' names, for auth-core's {@code AwsEndpoints.fromEnvironment}: the
 * one place that parses and checks them, and refuses an empty one naming the variable, as it does for adapters.
 *
 * @param variables values by variable name ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_SQS}, ...), empty
 *     values kept so that they are refused
 */
public record AwsEndpointVariables(Map<String, String> variables) {

    /** {@code AWS_ENDPOINT_URL} as a property; per-service endpoints are below it. */
    public static final String PROPERTY = "aws.endpoint.url";

    public AwsEndpointVariables {
        variables = Map.copyOf(variables);
    }

    /**
     * Reads {@value #PROPERTY} and every {@code aws.endpoint.url.<service>}.
     *
     * @throws IllegalArgumentException when two spellings of one service's endpoint disagree
     */
    public static AwsEndpointVariables from(PropertyResolver properties) {
        Map<String, String> variables = new TreeMap<>();
        properties.getProperty(PROPERTY, String.class)
                .ifPresent(value -> variables.put(AdapterEnv.AWS_ENDPOINT_URL, value));
        Map<String, String> seenAs = new TreeMap<>();
        new TreeMap<>(properties.getProperties(PROPERTY)).forEach((key, value) -> {
            String variable = AdapterEnv.AWS_ENDPOINT_URL + "_"
                    + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            String text = value == null ? "" : value.toString();
            String before = variables.putIfAbsent(variable, text);
            if (before != null && !before.equals(text)) {
                throw new IllegalArgumentException(PROPERTY + "." + seenAs.get(variable) + " and " + PROPERTY + "."
                        + key + " both set " + variable + ", to different values: keep one of them");
            }
            seenAs.putIfAbsent(variable, key);
        });
        return new AwsEndpointVariables(variables);
    }

    @Override
    public String toString() {
        // Endpoints may carry user:password@; AwsEndpoints strips it, this record never prints the values.
        return "AwsEndpointVariables" + variables.keySet();
    }
}
