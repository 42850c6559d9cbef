package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.EnvVar;
import io.triggermesh.aws.auth.env.OwnedSecret;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.OwnedSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Secrets behind an adapter's credentials, in two steps: the owned Secret for literal values kept in line with
 * the spec (deleted when no longer wanted), then, once that is written, the check that every referenced Secret and
 * key exists, with a version of them that rolls the adapter when one changes.
 */
final class CredentialsStep {

    /** The fix (creating the Secret or its key) happens outside, and the controller watches no Secrets. */
    static final Duration RECHECK = Duration.ofSeconds(30);

    private CredentialsStep() {
    }

    /** The write that keeps the owned Secret in line; a Secret of that name this object does not own stops it. */
    static StepOutcome<Void> ownedSecret(OwnerObject owner, AdapterEnvPlan plan, Cluster cluster) {
        String name = OwnedSecret.nameFor(owner);
        Secret existing = cluster.get(Secret.class, owner.namespace(), name);
        if (plan.ownedSecret().isPresent()) {
            Secret desired = OwnedSecrets.secret(owner, plan.ownedSecret().get());
            if (existing == null) {
                return writes(Change.create(desired));
            }
            if (!Ownership.controlledBy(existing, owner)) {
                // Never written over: it may be someone's own Secret that only happens to have the name.
                return StepOutcome.blocked(Ownership.notOwned(Condition.CREDENTIALS_READY, existing, owner),
                        Result.requeueAfter(RECHECK));
            }
            if (!Objects.equals(existing.getData(), desired.getData())) {
                desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
                return writes(Change.update(desired));
            }
            return writes(Change.keep(existing));
        }
        if (existing != null && Ownership.controlledBy(existing, owner)) {
            // Switched away from literal values: leave no copy of the old keys behind.
            return writes(Change.delete(existing));
        }
        return writes();
    }

    /** The condition of the owned Secret's write the API server refused. */
    static Condition rejected(OwnerObject owner, KubernetesClientException e) {
        // Never the API's message here: a refusal of a Secret may quote the data it refused.
        return ApiRejection.condition(Condition.CREDENTIALS_READY, "write Secret " + OwnedSecret.nameFor(owner), e,
                false);
    }

    /**
     * Whether every Secret and key {@code plan} refers to exists; the value is a digest of their resourceVersions
     * ({@code null} when none is referenced or found).
     */
    static StepOutcome<String> check(OwnerObject owner, AdapterEnvPlan plan, Cluster cluster) {
        List<String> missing = new ArrayList<>();
        Set<String> missingKeys = new TreeSet<>();
        StringBuilder versions = new StringBuilder();
        for (String name : plan.referencedSecretNames()) {
            Secret secret = cluster.get(Secret.class, owner.namespace(), name);
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
            return notReady(version, Condition.isFalse(Condition.CREDENTIALS_READY, "SecretNotFound",
                    "Secret " + String.join(", ", missing) + " named in spec.auth does not exist in namespace "
                            + owner.namespace() + "; create it with the keys spec.auth refers to"));
        }
        if (!missingKeys.isEmpty()) {
            // Names only: the key names are the user's own spec, the Secret's values are never read into a message.
            return notReady(version, Condition.isFalse(Condition.CREDENTIALS_READY, "SecretKeyNotFound",
                    "spec.auth names " + String.join(", ", missingKeys) + " in namespace " + owner.namespace()
                            + ", which does not exist; add the key to the Secret or fix valueFromSecret.key"));
        }
        if (plan.referencedSecretNames().isEmpty()) {
            return StepOutcome.of(null, Condition.isTrue(Condition.CREDENTIALS_READY, "NoSecretsNeeded",
                    "the adapter gets its AWS identity from its ServiceAccount or environment"), Result.done(),
                    List.of());
        }
        return StepOutcome.of(version, Condition.isTrue(Condition.CREDENTIALS_READY, "SecretsFound",
                "the adapter reads its credentials from Secret " + String.join(", ", plan.referencedSecretNames())),
                Result.done(), List.of());
    }

    private static StepOutcome<String> notReady(String version, Condition condition) {
        return StepOutcome.of(version, condition, Result.requeueAfter(RECHECK), List.of());
    }

    private static StepOutcome<Void> writes(Change... changes) {
        return StepOutcome.of(null, null, Result.done(), List.of(changes));
    }

    private static boolean hasKey(Secret secret, String key) {
        return secret.getData() != null && secret.getData().containsKey(key)
                || secret.getStringData() != null && secret.getStringData().containsKey(key);
    }
}
