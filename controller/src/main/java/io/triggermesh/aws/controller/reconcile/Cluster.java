package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The existing state the {@link DesiredPipeline}'s steps read, and the one applier their changes go through. The
 * reconciler's is the API server ({@link ApiCluster}); {@code render}'s is the objects given with {@code -f}
 * ({@link GivenObjects}), so both compute the same objects from the same state.
 */
public interface Cluster {

    /** The object of {@code type} named {@code name} in {@code namespace}, or {@code null} when there is none. */
    <T extends HasMetadata> T get(Class<T> type, String namespace, String name);

    /**
     * Any object by apiVersion and kind (what a {@code sink.ref} names), or {@code null}.
     *
     * @throws RuntimeException when it cannot be read (a kind the API server does not know, no permission)
     */
    GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name);

    /**
     * Performs {@code change} and returns the object as it now stands ({@link Change.Op#KEEP} writes nothing).
     *
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server refuses the write
     */
    HasMetadata write(Change change);
}
