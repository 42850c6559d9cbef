package io.triggermesh.aws.auth.credentials;

import java.time.Duration;

/**
 * Mints a short-lived token for a ServiceAccount; the controller implements it with the Kubernetes TokenRequest
 * API. Called once per STS refresh, never per AWS request.
 */
@FunctionalInterface
public interface ServiceAccountTokenSource {

    /**
     * @param audience the token's audience; {@link ObjectCredentials#STS_AUDIENCE} for AWS
     * @param lifetime how long the token should live (Kubernetes accepts 10 minutes and more)
     * @return the token (a JWT); treat it as a secret
     */
    String token(String namespace, String serviceAccountName, String audience, Duration lifetime);

    /**
     * A token bound, where the source can, to a running pod of the ServiceAccount: the EKS Pod Identity agent only
     * accepts tokens that name a pod, as the projected ones do. By default the same as {@link #token}.
     */
    default String podBoundToken(String namespace, String serviceAccountName, String audience, Duration lifetime) {
        return token(namespace, serviceAccountName, audience, lifetime);
    }
}
