package io.triggermesh.aws.controller.kube;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.triggermesh.aws.auth.credentials.ServiceAccountTokenSource;
import java.time.Duration;

/**
 * Mints short-lived ServiceAccount tokens with the TokenRequest API, so the controller can act as an object's IAM
 * role (AssumeRoleWithWebIdentity) instead of as itself. Needs {@code create} on {@code serviceaccounts/token}.
 */
public final class TokenRequestSource implements ServiceAccountTokenSource {

    private final KubernetesClient client;

    public TokenRequestSource(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public String token(String namespace, String serviceAccountName, String audience, Duration lifetime) {
        TokenRequest request = new TokenRequestBuilder()
                .withNewSpec().withAudiences(audience).withExpirationSeconds(lifetime.toSeconds()).endSpec()
                .build();
        TokenRequest response = client.serviceAccounts().inNamespace(namespace).withName(serviceAccountName)
                .tokenRequest(request);
        if (response == null || response.getStatus() == null || response.getStatus().getToken() == null) {
            throw new IllegalStateException("the API server returned no token for ServiceAccount " + namespace + "/"
                    + serviceAccountName);
        }
        return response.getStatus().getToken();
    }
}
