package io.triggermesh.aws.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a kind is and what it needs, declared once by the plugin. The controller derives CRDs, RBAC-free IAM policy
 * documents and its watches from it; nothing central lists connectors.
 *
 * @param role source or target; gives the API group
 * @param version API version, {@code v1alpha1}
 * @param kind the Kubernetes kind, for example {@code AWSS3Source}
 * @param plural the resource plural, for example {@code awss3sources}
 * @param specType the Java type the controller deserialises {@code spec} into
 * @param emittedEventTypes CloudEvent types a source emits
 * @param acceptedEventTypes CloudEvent types a target accepts ({@code *} for any)
 * @param adapterPermissions what the adapter needs at run time
 * @param controllerPermissions what the controller needs to manage this kind's AWS resources (empty when none)
 * @param sensitiveFields JSON paths of spec fields that may hold secret material; redacted everywhere
 * @param <S> the spec type
 */
public record KindDescriptor<S>(Role role, String version, String kind, String plural, Class<S> specType,
                                List<String> emittedEventTypes, List<String> acceptedEventTypes,
                                List<IamPermission> adapterPermissions, List<IamPermission> controllerPermissions,
                                List<String> sensitiveFields) {

    public KindDescriptor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
        Objects.requireNonNull(specType, "specType");
        emittedEventTypes = List.copyOf(emittedEventTypes);
        acceptedEventTypes = List.copyOf(acceptedEventTypes);
        adapterPermissions = List.copyOf(adapterPermissions);
        controllerPermissions = List.copyOf(controllerPermissions);
        sensitiveFields = List.copyOf(sensitiveFields);
    }

    public String group() {
        return role.group();
    }

    public String apiVersion() {
        return group() + "/" + version;
    }

    /** Whether the kind creates AWS resources and therefore needs a finalizer. */
    public boolean managesAwsResources() {
        return !controllerPermissions.isEmpty();
    }

    public static <S> Builder<S> builder(Role role, String kind, Class<S> specType) {
        return new Builder<>(role, kind, specType);
    }

    /** Builder with the defaults of this project: version {@code v1alpha1}, plural = lowercase kind + "s". */
    public static final class Builder<S> {
        private final Role role;
        private final String kind;
        private final Class<S> specType;
        private String version = "v1alpha1";
        private String plural;
        private final List<String> emitted = new ArrayList<>();
        private final List<String> accepted = new ArrayList<>();
        private final List<IamPermission> adapter = new ArrayList<>();
        private final List<IamPermission> controller = new ArrayList<>();
        private final List<String> sensitive = new ArrayList<>();

        private Builder(Role role, String kind, Class<S> specType) {
            this.role = role;
            this.kind = kind;
            this.specType = specType;
            this.plural = kind.toLowerCase(Locale.ROOT) + "s";
        }

        public Builder<S> version(String value) {
            this.version = value;
            return this;
        }

        public Builder<S> plural(String value) {
            this.plural = value;
            return this;
        }

        public Builder<S> emits(String... types) {
            emitted.addAll(List.of(types));
            return this;
        }

        public Builder<S> accepts(String... types) {
            accepted.addAll(List.of(types));
            return this;
        }

        public Builder<S> adapterPermission(IamPermission permission) {
            adapter.add(permission);
            return this;
        }

        public Builder<S> controllerPermission(IamPermission permission) {
            controller.add(permission);
            return this;
        }

        public Builder<S> sensitiveField(String jsonPath) {
            sensitive.add(jsonPath);
            return this;
        }

        public KindDescriptor<S> build() {
            return new KindDescriptor<>(role, version, kind, plural, specType, emitted, accepted, adapter, controller,
                    sensitive);
        }
    }
}
