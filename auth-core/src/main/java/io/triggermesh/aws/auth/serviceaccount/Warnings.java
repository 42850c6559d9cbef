package io.triggermesh.aws.auth.serviceaccount;

import static io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions.LEGACY_MANAGED_BY_LABEL;
import static io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions.MANAGED_BY_LABEL;
import static io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions.MANAGED_BY_VALUE;
import static io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions.ROLE_ARN_ANNOTATION;

import io.triggermesh.aws.auth.model.OwnerObject;
import java.util.List;
import java.util.stream.Collectors;

/** The wording of every {@link Warning}: which ServiceAccount, which field, what to do. */
final class Warnings {

    private static final String ROLE_ARN_FIELD = "spec.auth.iam.roleArn";

    private Warnings() {
    }

    static Warning noRoleArn(OwnerObject owner, String serviceAccount) {
        return new Warning(Warning.NO_ROLE_ARN, ROLE_ARN_FIELD + " of " + owner.displayName() + " is not set and "
                + serviceAccount(owner, serviceAccount) + " has no " + ROLE_ARN_ANNOTATION + " annotation: "
                + "the adapter gets an AWS role only from an EKS Pod Identity association for this ServiceAccount"
                + " (aws eks create-pod-identity-association --namespace " + owner.namespace()
                + " --service-account " + serviceAccount + " --role-arn ROLE); for IRSA annotate the ServiceAccount"
                + " with " + ROLE_ARN_ANNOTATION + " or set " + ROLE_ARN_FIELD + ".");
    }

    static Warning roleArnConflict(
            OwnerObject owner, String serviceAccount, List<OwnerRef> owners, String roleArn, String annotated) {
        String sharedBy = owners.stream().map(OwnerRef::displayName).collect(Collectors.joining(", "));
        return new Warning(Warning.ROLE_ARN_CONFLICT, serviceAccount(owner, serviceAccount) + " is shared by "
                + owners.size() + " objects (" + sharedBy + "), so the controller does not change its "
                + ROLE_ARN_ANNOTATION + " annotation, which " + describe(annotated) + "; " + ROLE_ARN_FIELD + " "
                + roleArn + " of " + owner.displayName() + " is not applied and the adapter " + runsWith(annotated)
                + ". Set the same " + ROLE_ARN_FIELD + " on every object sharing the ServiceAccount and annotate it"
                + " with that role, or give " + owner.displayName() + " its own spec.auth.iam.serviceAccount.");
    }

    static Warning unmanagedRoleMismatch(
            OwnerObject owner, String serviceAccount, String roleArn, String annotated) {
        return new Warning(Warning.UNMANAGED_SERVICE_ACCOUNT_ROLE_MISMATCH, serviceAccount(owner, serviceAccount)
                + " is not managed by TriggerMesh (neither label " + MANAGED_BY_LABEL + " nor "
                + LEGACY_MANAGED_BY_LABEL + " is " + MANAGED_BY_VALUE + "), so the controller does not change it;"
                + " its " + ROLE_ARN_ANNOTATION + " annotation " + describe(annotated) + " but " + ROLE_ARN_FIELD
                + " of " + owner.displayName() + " is " + roleArn + ", and the adapter " + runsWith(annotated)
                + ". Annotate the ServiceAccount with " + ROLE_ARN_ANNOTATION + ": " + roleArn + ", label it "
                + MANAGED_BY_LABEL + ": " + MANAGED_BY_VALUE + " to let the controller manage it, or change "
                + ROLE_ARN_FIELD + " to match.");
    }

    private static String serviceAccount(OwnerObject owner, String name) {
        return "ServiceAccount " + owner.namespace() + "/" + name;
    }

    private static String describe(String annotated) {
        return annotated == null ? "is not set" : "is " + annotated;
    }

    private static String runsWith(String annotated) {
        return annotated == null
                ? "runs without an IAM role, so authentication against AWS will fail"
                : "runs as role " + annotated;
    }
}
