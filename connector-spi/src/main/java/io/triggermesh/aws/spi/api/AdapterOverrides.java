package io.triggermesh.aws.spi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.triggermesh.aws.spi.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code spec.adapterOverrides}: adjustments to the adapter workload the controller deploys. Every field is optional;
 * a missing field keeps the controller's default. Absent collections stay {@code null} so that a manifest reads back
 * exactly as written.
 *
 * @param isPublic whether a target's address is exposed outside the cluster (JSON {@code public})
 * @param env extra environment variables of the adapter container
 * @param resources compute resources of the adapter container
 * @param labels extra labels on the adapter's pods
 * @param annotations extra annotations on the adapter's pods
 * @param nodeSelector node selector of the adapter's pods
 * @param tolerations tolerations of the adapter's pods
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdapterOverrides(
        @JsonProperty("public")
        @JsonPropertyDescription("Expose the target's address outside the cluster. Targets only; default false.")
        Boolean isPublic,
        @JsonPropertyDescription("Extra environment variables of the adapter container (plain values; credentials belong in spec.auth).")
        List<Env> env,
        @JsonPropertyDescription("Compute resource requests and limits of the adapter container.")
        Resources resources,
        @JsonPropertyDescription("Extra labels of the adapter's pods.")
        Map<String, String> labels,
        @JsonPropertyDescription("Extra annotations of the adapter's pods.")
        Map<String, String> annotations,
        @JsonPropertyDescription("Node selector of the adapter's pods.")
        Map<String, String> nodeSelector,
        @JsonPropertyDescription("Tolerations of the adapter's pods.")
        List<Toleration> tolerations) {

    public AdapterOverrides {
        env = env == null ? null : List.copyOf(env);
        labels = copy(labels);
        annotations = copy(annotations);
        nodeSelector = copy(nodeSelector);
        tolerations = tolerations == null ? null : List.copyOf(tolerations);
    }

    /** Overrides that change nothing. */
    public static AdapterOverrides none() {
        return new AdapterOverrides(null, null, null, null, null, null, null);
    }

    /** Only {@code public: true|false}, the override the documentation's target examples use. */
    public static AdapterOverrides publicAccess(boolean exposed) {
        return new AdapterOverrides(exposed, null, null, null, null, null, null);
    }

    /** Whether {@code public} is set to true. */
    public boolean exposedPublicly() {
        return Boolean.TRUE.equals(isPublic);
    }

    /** Problems of overrides at {@code path} (for example {@code spec.adapterOverrides}); none for {@code null}. */
    public static List<Problem> problemsOf(AdapterOverrides overrides, String path) {
        return overrides == null ? List.of() : AdapterOverridesRules.problems(overrides, path);
    }

    /**
     * An unmodifiable copy that keeps the written order (so a spec serialises back as it was read, every time), or
     * {@code null}. Null keys and values are refused, as Kubernetes refuses them.
     */
    static Map<String, String> copy(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, () -> "value of " + key)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * One environment variable. Its value is never printed: users do put tokens in here despite the advice.
     *
     * @param name the variable name
     * @param value the plain value
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Env(
            @JsonPropertyDescription("Name of the environment variable.")
            @FieldSchema(required = true, minLength = 1)
            String name,
            @JsonPropertyDescription("Value of the environment variable.")
            String value) {

        @Override
        public String toString() {
            return "Env[name=" + name + ", value=" + (value == null ? null : Redaction.MASK) + "]";
        }
    }

    /**
     * Resource requests and limits, as Kubernetes quantities keyed by resource name ({@code cpu}, {@code memory}).
     *
     * @param requests the minimum the scheduler reserves
     * @param limits the maximum the container may use
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resources(
            @JsonPropertyDescription("Requested resources, for example cpu: 100m, memory: 128Mi.")
            @FieldSchema(intOrString = true)
            Map<String, String> requests,
            @JsonPropertyDescription("Resource limits, for example memory: 256Mi.")
            @FieldSchema(intOrString = true)
            Map<String, String> limits) {

        public Resources {
            requests = copy(requests);
            limits = copy(limits);
        }
    }

    /**
     * A Kubernetes toleration.
     *
     * @param key the taint key; empty with operator {@code Exists} tolerates every taint
     * @param operator {@code Equal} (default) or {@code Exists}
     * @param value the taint value, for {@code Equal}
     * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}; empty matches all
     * @param tolerationSeconds how long a {@code NoExecute} taint is tolerated before eviction
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Toleration(
            @JsonPropertyDescription("Taint key the toleration applies to; empty with operator Exists matches all taints.")
            String key,
            @JsonPropertyDescription("Equal (default) or Exists.")
            @FieldSchema(allowed = {"", "Equal", "Exists"})
            String operator,
            @JsonPropertyDescription("Taint value to match when the operator is Equal.")
            String value,
            @JsonPropertyDescription("NoSchedule, PreferNoSchedule or NoExecute; empty matches all effects.")
            @FieldSchema(allowed = {"", "NoSchedule", "PreferNoSchedule", "NoExecute"})
            String effect,
            @JsonPropertyDescription("Seconds a NoExecute taint is tolerated before eviction.")
            Long tolerationSeconds) {
    }
}
