package io.triggermesh.aws.controller.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.triggermesh.aws.auth.credentials.SecretReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads one key of one Secret with a GET: the controller never lists or watches Secrets. */
public final class KubernetesSecretReader implements SecretReader {

    private final KubernetesClient client;

    public KubernetesSecretReader(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> read(String namespace, String secretName, String key) {
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(key)),
                    StandardCharsets.UTF_8));
        }
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return Optional.of(secret.getStringData().get(key));
        }
        return Optional.empty();
    }
}
