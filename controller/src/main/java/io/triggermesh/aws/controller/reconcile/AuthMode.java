package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.auth.model.AwsAuth;

/**
 * How an object's adapter gets its AWS identity, as {@code status.auth.mode} names it. A role hop
 * ({@code assumeIamRole}) decides the mode whatever its base, since the role is what the adapter acts as.
 */
enum AuthMode {
    KEYS("keys"),
    SESSION("session"),
    ASSUME_ROLE("assume-role"),
    IRSA("irsa"),
    POD_IDENTITY("pod-identity"),
    DEFAULT("default");

    private final String label;

    AuthMode(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static AuthMode of(AwsAuth auth) {
        if (auth.mode() == AwsAuth.Mode.CREDENTIALS) {
            if (auth.credentials().assumeIamRole() != null) {
                return ASSUME_ROLE;
            }
            return auth.credentials().sessionToken() == null ? KEYS : SESSION;
        }
        if (auth.mode() == AwsAuth.Mode.IAM) {
            if (auth.iam().assumeIamRole() != null) {
                return ASSUME_ROLE;
            }
            // iam with a ServiceAccount and no roleArn: an EKS Pod Identity association (else the node's chain).
            return auth.iam().roleArn() == null ? POD_IDENTITY : IRSA;
        }
        return DEFAULT;
    }
}
