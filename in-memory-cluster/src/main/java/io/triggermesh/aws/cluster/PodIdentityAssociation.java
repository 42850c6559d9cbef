package io.triggermesh.aws.cluster;

import io.triggermesh.aws.auth.model.RoleArn;
import io.triggermesh.aws.spi.api.Dns1123;
import io.triggermesh.aws.spi.api.Shown;

/**
 * An EKS Pod Identity association as local mode plays it: adapters running under ServiceAccount
 * {@code namespace/serviceAccount} act as {@code roleArn}. Written {@code NAMESPACE/SERVICEACCOUNT=ROLE_ARN}, the
 * form of local mode's {@code --pod-identity} option.
 */
public record PodIdentityAssociation(String namespace, String serviceAccount, String roleArn) {


    /**
     * Reads {@code NAMESPACE/SERVICEACCOUNT=ROLE_ARN}.
     *
     * @throws IllegalArgumentException saying which part is wrong and what it should look like
     */
    public static PodIdentityAssociation parse(String text) {
        String example = "; write NAMESPACE/SERVICEACCOUNT=ROLE_ARN, for example "
                + "default/orders-sa=arn:aws:iam::123456789012:role/orders";
        int eq = text.indexOf('=');
        int slash = eq < 0 ? -1 : text.substring(0, eq).indexOf('/');
        if (eq < 0 || slash < 0) {
            throw new IllegalArgumentException("--pod-identity " + Shown.quoted(text) + " is not an association"
                    + example);
        }
        String namespace = text.substring(0, slash).trim();
        String serviceAccount = text.substring(slash + 1, eq).trim();
        String role = text.substring(eq + 1).trim();
        if (!Dns1123.isLabel(namespace)) {
            throw new IllegalArgumentException("--pod-identity " + Shown.quoted(text) + ": the namespace "
                    + Shown.quoted(namespace) + " is not a Kubernetes namespace name" + example);
        }
        if (!Dns1123.isSubdomain(serviceAccount)) {
            throw new IllegalArgumentException("--pod-identity " + Shown.quoted(text) + ": the ServiceAccount "
                    + Shown.quoted(serviceAccount) + " is not a Kubernetes name" + example);
        }
        if (!RoleArn.isValid(role)) {
            throw new IllegalArgumentException("--pod-identity " + Shown.quoted(text) + ": " + Shown.quoted(role)
                    + " is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)" + example);
        }
        return new PodIdentityAssociation(namespace, serviceAccount, role);
    }

    @Override
    public String toString() {
        return namespace + "/" + serviceAccount + "=" + roleArn;
    }
}
