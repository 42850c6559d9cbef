package io.triggermesh.aws.auth.serviceaccount;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The part of a ServiceAccount the plan reads and writes. Immutable; maps are sorted so that equal states print
 * alike (they are sorted, unmodifiable copies), lists keep their order because Kubernetes does.
 *
 * <p>The controller should apply a desired state to these fields of the ServiceAccount it read (or create a new one
 * from it), leaving every other field, such as {@code automountServiceAccountToken}, as it is.
 *
 * @param name the ServiceAccount's name (it lives in the owner object's namespace)
 * @param labels {@code metadata.labels}
 * @param annotations {@code metadata.annotations}
 * @param ownerReferences {@code metadata.ownerReferences}, in order
 * @param secrets names of {@code secrets}, in order
 * @param imagePullSecrets names of {@code imagePullSecrets}, in order
 */
public record ServiceAccountState(
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<OwnerRef> ownerReferences,
        List<String> secrets,
        List<String> imagePullSecrets) {

    public ServiceAccountState {
        Objects.requireNonNull(name, "name");
        labels = sortedCopy(labels, "labels");
        annotations = sortedCopy(annotations, "annotations");
        ownerReferences = ownerReferences == null ? List.of() : List.copyOf(ownerReferences);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(name)
                .labels(labels)
                .annotations(annotations)
                .ownerReferences(ownerReferences)
                .secrets(secrets)
                .imagePullSecrets(imagePullSecrets);
    }

    public boolean isManaged() {
        return ServiceAccountConventions.isManaged(labels);
    }

    public Optional<String> roleArnAnnotation() {
        return Optional.ofNullable(annotations.get(ServiceAccountConventions.ROLE_ARN_ANNOTATION));
    }

    private static SortedMap<String, String> sortedCopy(Map<String, String> map, String what) {
        if (map == null) {
            return Collections.emptySortedMap();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, what + " key"), Objects.requireNonNull(value, what + " value")));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Mutable builder; {@link #build()} copies, so a builder can be reused. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> labels = new TreeMap<>();
        private final Map<String, String> annotations = new TreeMap<>();
        private final List<OwnerRef> ownerReferences = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private final List<String> imagePullSecrets = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> values) {
            labels.clear();
            labels.putAll(values);
            return this;
        }

        public Builder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        public Builder withoutAnnotation(String key) {
            annotations.remove(key);
            return this;
        }

        public Builder annotations(Map<String, String> values) {
            annotations.clear();
            annotations.putAll(values);
            return this;
        }

        public Builder ownerReference(OwnerRef ref) {
            ownerReferences.add(ref);
            return this;
        }

        public Builder ownerReferences(List<OwnerRef> refs) {
            ownerReferences.clear();
            ownerReferences.addAll(refs);
            return this;
        }

        public Builder secret(String secretName) {
            secrets.add(secretName);
            return this;
        }

        public Builder secrets(List<String> names) {
            secrets.clear();
            secrets.addAll(names);
            return this;
        }

        public Builder imagePullSecret(String secretName) {
            imagePullSecrets.add(secretName);
            return this;
        }

        public Builder imagePullSecrets(List<String> names) {
            imagePullSecrets.clear();
            imagePullSecrets.addAll(names);
            return this;
        }

        public ServiceAccountState build() {
            return new ServiceAccountState(
                    name, labels, annotations, ownerReferences, secrets, imagePullSecrets);
        }
    }
}
