package io.triggermesh.aws.auth.serviceaccount;

import java.util.Map;

/** Label and annotation names that decide how the controller treats a ServiceAccount. */
public final class ServiceAccountConventions {

    /** The label the controller writes on ServiceAccounts it creates (the original code's key). */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

    /** The key the original TriggerMesh credentials guide documents; read as well so that SAs labelled by hand
     * after that guide count. */
    public static final String LEGACY_MANAGED_BY_LABEL = "managed-by";

    public static final String MANAGED_BY_VALUE = "triggermesh-controller";

    /** The annotation the EKS pod identity webhook reads to inject the web identity of this role. */
    public static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";

    private ServiceAccountConventions() {
    }

    /** Managed when either managed-by label says {@value #MANAGED_BY_VALUE}. */
    public static boolean isManaged(Map<String, String> labels) {
        return MANAGED_BY_VALUE.equals(labels.get(MANAGED_BY_LABEL))
                || MANAGED_BY_VALUE.equals(labels.get(LEGACY_MANAGED_BY_LABEL));
    }
}
