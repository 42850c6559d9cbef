package io.triggermesh.aws.controller.desired;

import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions;
import java.util.Map;
import java.util.TreeMap;

/** The labels linking a workload to its connector object; the selector uses the stable subset. */
public final class AdapterLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    /** Carries the owner's uid so that owned objects can be found from their owner in one list call. */
    public static final String OWNER_UID = "triggermesh.io/owner-uid";

    private AdapterLabels() {
    }

    /** Selector labels: never change for the life of the object (Deployment selectors are immutable). */
    public static Map<String, String> selector(OwnerObject owner) {
        return Map.of(NAME, owner.lowercaseKind(), INSTANCE, AdapterNames.label(owner.name()));
    }

    /** Every label of the objects the controller creates for {@code owner}. */
    public static Map<String, String> all(OwnerObject owner) {
        Map<String, String> labels = new TreeMap<>(selector(owner));
        labels.put(COMPONENT, "adapter");
        labels.put(PART_OF, "triggermesh");
        labels.put(ServiceAccountConventions.MANAGED_BY_LABEL, ServiceAccountConventions.MANAGED_BY_VALUE);
        labels.put(OWNER_UID, owner.uid());
        return labels;
    }
}
