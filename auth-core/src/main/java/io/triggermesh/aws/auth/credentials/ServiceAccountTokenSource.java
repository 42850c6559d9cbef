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
}
