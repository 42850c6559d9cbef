package io.triggermesh.aws.auth.serviceaccount;

import io.triggermesh.aws.auth.model.OwnerObject;

/** Objects and values shared by the ServiceAccount tests. */
final class Fixtures {

    static final String NAMESPACE = "team-a";
    static final String SHARED = "shared-sa";
    static final String ROLE_A = "arn:aws:iam::123456789012:role/role-a";
    static final String ROLE_B = "arn:aws:iam::123456789012:role/role-b";
    static final String OLD_ROLE = "arn:aws:iam::123456789012:role/old-role";

    static final OwnerObject SOURCE_A =
            new OwnerObject("sources.triggermesh.io/v1alpha1", "AWSS3Source", NAMESPACE, "a", "uid-a");
    static final OwnerObject TARGET_B =
            new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSSQSTarget", NAMESPACE, "b", "uid-b");

    /** Written out field by field so that tests do not trust {@link OwnerRef#of} to be right. */
    static final OwnerRef REF_A =
            new OwnerRef("sources.triggermesh.io/v1alpha1", "AWSS3Source", "a", "uid-a", false, true);
    static final OwnerRef REF_B =
            new OwnerRef("targets.triggermesh.io/v1alpha1", "AWSSQSTarget", "b", "uid-b", false, true);
    static final OwnerRef REF_C =
            new OwnerRef("sources.triggermesh.io/v1alpha1", "AWSSQSSource", "c", "uid-c", false, true);

    private Fixtures() {
    }

    /** A ServiceAccount carrying the label the controller writes. */
    static ServiceAccountState.Builder managed(String name) {
        return ServiceAccountState.builder(name)
                .label(ServiceAccountConventions.MANAGED_BY_LABEL, ServiceAccountConventions.MANAGED_BY_VALUE);
    }
}
