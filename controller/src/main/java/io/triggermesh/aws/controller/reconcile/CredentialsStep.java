package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.EnvVar;
import io.triggermesh.aws.auth.env.OwnedSecret;
import io.triggermesh.aws.auth.model.OwnerObject;
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
        try {
            syncOwnedSecret(owner, plan);
        } catch (Ownership.NotOwned e) {
            // Never written over: it may be someone's own Secret that only happens to have the name.
            return new Outcome(Ownership.notOwned(Condition.CREDENTIALS_READY, e.existing(), owner), null);
        } catch (KubernetesClientException e) {
            if (!ApiRejection.is(e)) {
                throw e;
            }
            // Never the API's message here: a refusal of a Secret may quote the data it refused.
            return new Outcome(ApiRejection.condition(Condition.CREDENTIALS_READY, "write Secret "
                    + OwnedSecret.nameFor(owner), e, false), null);
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

    /** Throws {@link Ownership.NotOwned} when the owned Secret's name is taken by a Secret this object does not own. */
    private void syncOwnedSecret(OwnerObject owner, AdapterEnvPlan plan) {
        String name = OwnedSecret.nameFor(owner);
        Secret existing = client.secrets().inNamespace(owner.namespace()).withName(name).get();
        if (plan.ownedSecret().isPresent()) {
            Secret desired = OwnedSecrets.secret(owner, plan.ownedSecret().get());
            if (existing == null) {
                client.resource(desired).create();
            } else if (!Ownership.controlledBy(existing, owner)) {
                throw new Ownership.NotOwned(existing);
            } else if (!Objects.equals(existing.getData(), desired.getData())) {
                desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
                client.resource(desired).update();
            }
        } else if (existing != null && Ownership.controlledBy(existing, owner)) {
            // Switched away from literal values: leave no copy of the old keys behind.
            client.resource(existing).delete();
        }
    }

    private static boolean hasKey(Secret secret, String key) {
        return secret.getData() != null && secret.getData().containsKey(key)
                || secret.getStringData() != null && secret.getStringData().containsKey(key);
    }

}
