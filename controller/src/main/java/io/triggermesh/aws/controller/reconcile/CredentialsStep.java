package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.OwnedSecret;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterLabels;
import io.triggermesh.aws.controller.desired.OwnedSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Secrets behind an adapter's credentials: keeps the owned Secret for literal values in line with the spec
 * (deleting it when no longer wanted) and checks that every referenced Secret exists.
 */
final class CredentialsStep {

    private final KubernetesClient client;

    CredentialsStep(KubernetesClient client) {
        this.client = client;
    }

    /** What the step found: a condition and a version of the referenced Secrets (null when none). */
    record Outcome(Condition condition, String credentialsVersion) {
    }

    Outcome apply(OwnerObject owner, AdapterEnvPlan plan) {
        if (!syncOwnedSecret(owner, plan)) {
            return new Outcome(Condition.isFalse(Condition.CREDENTIALS_READY, "SecretNameConflict",
                    "Secret " + OwnedSecret.nameFor(owner) + " exists but was not created for this object, so the"
                            + " controller will not store the literal credentials of spec.auth in it; rename or"
                            + " delete that Secret, or use valueFromSecret"), null);
        }
        List<String> missing = new ArrayList<>();
        StringBuilder versions = new StringBuilder();
        for (String name : plan.referencedSecretNames()) {
            Secret secret = client.secrets().inNamespace(owner.namespace()).withName(name).get();
            if (secret == null) {
                missing.add(name);
            } else {
                versions.append(name).append('@').append(secret.getMetadata().getResourceVersion()).append(';');
            }
        }
        String version = versions.isEmpty() ? null : Digests.short16(versions.toString());
        if (!missing.isEmpty()) {
            return new Outcome(Condition.isFalse(Condition.CREDENTIALS_READY, "SecretNotFound",
                    "Secret " + String.join(", ", missing) + " named in spec.auth does not exist in namespace "
                            + owner.namespace() + "; create it with the keys spec.auth refers to"), version);
        }
        if (plan.referencedSecretNames().isEmpty()) {
            return new Outcome(Condition.isTrue(Condition.CREDENTIALS_READY, "NoSecretsNeeded",
                    "the adapter gets its AWS identity from its ServiceAccount or environment"), null);
        }
        return new Outcome(Condition.isTrue(Condition.CREDENTIALS_READY, "SecretsFound",
                "the adapter reads its credentials from Secret " + String.join(", ", plan.referencedSecretNames())),
                version);
    }

    /** False when the owned Secret's name is taken by a Secret this object does not own. */
    private boolean syncOwnedSecret(OwnerObject owner, AdapterEnvPlan plan) {
        String name = OwnedSecret.nameFor(owner);
        Secret existing = client.secrets().inNamespace(owner.namespace()).withName(name).get();
        if (plan.ownedSecret().isPresent()) {
            Secret desired = OwnedSecrets.secret(owner, plan.ownedSecret().get());
            if (existing == null) {
                client.resource(desired).create();
            } else if (!ownedBy(existing, owner)) {
                return false;
            } else if (!Objects.equals(existing.getData(), desired.getData())) {
                desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
                client.resource(desired).update();
            }
        } else if (existing != null && ownedBy(existing, owner)) {
            // Switched away from literal values: leave no copy of the old keys behind.
            client.resource(existing).delete();
        }
        return true;
    }

    private static boolean ownedBy(Secret secret, OwnerObject owner) {
        return secret.getMetadata().getLabels() != null
                && owner.uid().equals(secret.getMetadata().getLabels().get(AdapterLabels.OWNER_UID));
    }

}
