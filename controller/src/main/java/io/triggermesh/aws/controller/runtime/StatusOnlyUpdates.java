package io.triggermesh.aws.controller.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which informer updates the controller ignores: those that changed nothing but {@code status}, the echo of a status
 * write, normally our own. Reconciling on it re-runs the whole pass, AWS calls included, and bypasses the backoff or
 * slow retry the pass asked for; when a condition message differs between attempts (AWS error messages carry a
 * request id) every pass writes a new status and the echo loops forever. Periodic resyncs (same resourceVersion)
 * still reconcile, and so does any change to spec or metadata (finalizers, deletion, labels).
 */
final class StatusOnlyUpdates {

    private StatusOnlyUpdates() {
    }

    /** Whether the update from {@code before} to {@code after} changed nothing but {@code status}. */
    static boolean onlyStatusChanged(GenericKubernetesResource before, GenericKubernetesResource after) {
        if (Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
            return false;
        }
        Map<String, Object> beforeRest = new HashMap<>(before.getAdditionalProperties());
        Map<String, Object> afterRest = new HashMap<>(after.getAdditionalProperties());
        beforeRest.remove("status");
        afterRest.remove("status");
        return beforeRest.equals(afterRest) && Objects.equals(before.getApiVersion(), after.getApiVersion())
                && withoutVersions(before).equals(withoutVersions(after));
    }

    /** Metadata without what every write changes (generation moves with spec, which is compared anyway). */
    private static ObjectMeta withoutVersions(GenericKubernetesResource resource) {
        return new ObjectMetaBuilder(resource.getMetadata()).withResourceVersion(null).withGeneration(null)
                .withManagedFields((List<ManagedFieldsEntry>) null).build();
    }
}
