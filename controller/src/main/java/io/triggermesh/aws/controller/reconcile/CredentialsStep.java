package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.EnvVar;
import io.triggermesh.aws.auth.env.OwnedSecret;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterLabels;
import io.triggermesh.aws.controller.desired.OwnedSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
        boolean synced;
        try {
            synced = syncOwnedSecret(owner, plan);
        } catch (KubernetesClientException e) {
            if (!ApiRejection.is(e)) {
                throw e;
            }
            // Never the API's message here: a refusal of a Secret may quote the data it refused.
            return new Outcome(ApiRejection.condition(Condition.CREDENTIALS_READY, "write Secret "
                    + OwnedSecret.nameFor(owner), e, false), null);
        }
        if (!synced) {
            return new Outcome(Condition.isFalse(Condition.CREDENTIALS_READY, "SecretNameConflict",
                    "Secret " + OwnedSecret.nameFor(owner) + " exists but was not created for this object, so the"
                            + " controller will not store the literal credentials of spec.auth in it; rename or"
                            + " delete that Secret, or use valueFromSecret"), null);
        }
        List<String> missing = new ArrayList<>();
        Set<String> missingKeys = new TreeSet<>();
        StringBuilder versions = new StringBuilder();
        for (String name : plan.referencedSecretNames()) {
            Secret secret = client.secrets().inNamespace(owner.namespace()).withName(name).get();
            if (secret == null) {
                missing.add(name);
            } else {
                versions.append(name).append('@').append(secret.getMetadata().getResourceVersion()).append(';');
                // A missing key leaves the pod in CreateContainerConfigError: as broken as a missing Secret.
                for (EnvVar var : plan.env()) {
                    if (var.secretRef() != null && var.secretRef().name().equals(name)
                            && !hasKey(secret, var.secretRef().key())) {
                        missingKeys.add("key " + var.secretRef().key() + " of Secret " + name);
                    }
                }
            }
        }
        String version = versions.isEmpty() ? null : Digests.short16(versions.toString());
        if (!missing.isEmpty()) {
            return new Outcome(Condition.isFalse(Condition.CREDENTIALS_READY, "SecretNotFound",
                    "Secret " + String.join(", ", missing) + " named in spec.auth does not exist in namespace "
                            + owner.namespace() + "; create it with the keys spec.auth refers to"), version);
        }
        if (!missingKeys.isEmpty()) {
            // Names only: the key names are the user's own spec, the Secret's values are never read into a message.
            return new Outcome(Condition.isFalse(Condition.CREDENTIALS_READY, "SecretKeyNotFound",
                    "spec.auth names " + String.join(", ", missingKeys) + " in namespace " + owner.namespace()
                            + ", which does not exist; add the key to the Secret or fix valueFromSecret.key"),
                    version);
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

    private static boolean hasKey(Secret secret, String key) {
        return secret.getData() != null && secret.getData().containsKey(key)
                || secret.getStringData() != null && secret.getStringData().containsKey(key);
    }

    private static boolean ownedBy(Secret secret, OwnerObject owner) {
        return secret.getMetadata().getLabels() != null
                && owner.uid().equals(secret.getMetadata().getLabels().get(AdapterLabels.OWNER_UID));
    }

}
