package io.triggermesh.aws.controller.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authentication.BoundObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.credentials.ServiceAccountTokenSource;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions;
import java.time.Duration;
import java.util.Optional;

/**
 * Mints short-lived ServiceAccount tokens with the TokenRequest API, so the controller can act as an object's IAM
 * role (AssumeRoleWithWebIdentity) instead of as itself. Needs {@code create} on {@code serviceaccounts/token}.
 *
 * <p>Tokens for the EKS Pod Identity agent are bound to a running adapter pod of the ServiceAccount, as the
 * projected tokens the agent's webhook mounts are: the agent accepts no token without a pod. Finding that pod takes
 * {@code list} on {@code pods}; the list asks only for the controller's own adapter pods (by label).
 */
public final class TokenRequestSource implements ServiceAccountTokenSource {

    private final KubernetesClient client;

    public TokenRequestSource(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public String token(String namespace, String serviceAccountName, String audience, Duration lifetime) {
        return mint(namespace, serviceAccountName, spec(audience, lifetime));
    }

    /**
     * Bound to a running adapter pod of the ServiceAccount when there is one; unbound otherwise (no adapter pod yet,
     * no right to list pods, an API without pods such as local mode's), which the real agent refuses and a check
     * therefore reports.
     */
    @Override
    public String podBoundToken(String namespace, String serviceAccountName, String audience, Duration lifetime) {
        TokenRequestSpec spec = spec(audience, lifetime);
        runningAdapterPod(namespace, serviceAccountName).ifPresent(pod -> spec.setBoundObjectRef(
                new BoundObjectReferenceBuilder().withApiVersion("v1").withKind("Pod")
                        .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid()).build()));
        return mint(namespace, serviceAccountName, spec);
    }

    private Optional<Pod> runningAdapterPod(String namespace, String serviceAccountName) {
        try {
            return client.pods().inNamespace(namespace)
                    .withLabel(ServiceAccountConventions.MANAGED_BY_LABEL, ServiceAccountConventions.MANAGED_BY_VALUE)
                    .list().getItems().stream()
                    // Not a field selector: not every API server (fabric8's mock among them) honours one on
                    // spec.serviceAccountName, and another ServiceAccount's pod must never be the one named.
                    .filter(pod -> pod.getSpec() != null && serviceAccountName.equals(pod.getSpec()
                            .getServiceAccountName()))
                    .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()))
                    .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                    .findFirst();
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private static TokenRequestSpec spec(String audience, Duration lifetime) {
        return new TokenRequestBuilder()
                .withNewSpec().withAudiences(audience).withExpirationSeconds(lifetime.toSeconds()).endSpec()
                .build().getSpec();
    }

    private String mint(String namespace, String serviceAccountName, TokenRequestSpec spec) {
        TokenRequest request = new TokenRequestBuilder().withSpec(spec).build();
        TokenRequest response = client.serviceAccounts().inNamespace(namespace).withName(serviceAccountName)
                .tokenRequest(request);
        if (response == null || response.getStatus() == null || response.getStatus().getToken() == null) {
            throw new IllegalStateException("the API server returned no token for ServiceAccount " + namespace + "/"
                    + serviceAccountName);
        }
        return response.getStatus().getToken();
    }
}
