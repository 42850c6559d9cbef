package io.triggermesh.aws.controller.desired;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.triggermesh.aws.auth.env.OwnedSecret;
import io.triggermesh.aws.auth.model.OwnerObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** The Secret that holds an object's literal credentials, owned by the object. */
public final class OwnedSecrets {

    private OwnedSecrets() {
    }

    public static Secret secret(OwnerObject owner, OwnedSecret wanted) {
        return new SecretBuilder()
                .withNewMetadata()
                    .withName(wanted.name())
                    .withNamespace(owner.namespace())
                    .withLabels(AdapterLabels.all(owner))
                    .withOwnerReferences(AdapterWorkloads.controllerReference(owner))
                .endMetadata()
                .withType("Opaque")
                // data, not stringData: the API server stores data, so a read-back compares equal to this.
                .withData(encoded(wanted))
                .build();
    }

    private static Map<String, String> encoded(OwnedSecret wanted) {
        Map<String, String> data = new TreeMap<>();
        wanted.data().forEach((key, value) ->
                data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return data;
    }
}
