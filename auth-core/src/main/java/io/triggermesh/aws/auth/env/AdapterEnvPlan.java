package io.triggermesh.aws.auth.env;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@code spec.auth} asks of an adapter Deployment: its env variables, in a fixed order so that rendering the
 * same object twice gives an identical Deployment, and the Secret the controller must own for literal credentials.
 *
 * <p>An empty {@code ownedSecret} means the controller wants no such Secret, and deletes one left over from an
 * earlier spec (for example after switching from literal keys to IRSA).
 *
 * @param env the env variables, in render order
 * @param ownedSecret the Secret to create or update, or empty when none is wanted
 */
public record AdapterEnvPlan(List<EnvVar> env, Optional<OwnedSecret> ownedSecret) {

    public AdapterEnvPlan {
        env = List.copyOf(env);
        Objects.requireNonNull(ownedSecret, "ownedSecret");
        long distinct = env.stream().map(EnvVar::name).distinct().count();
        if (distinct != env.size()) {
            throw new IllegalArgumentException("env variable names must be unique: " + env);
        }
    }

    /**
     * The Secrets the env reads from (the user's and the owned one): the controller watches them, since a
     * Deployment does not notice on its own when a referenced Secret changes.
     */
    public SortedSet<String> referencedSecretNames() {
        TreeSet<String> names = new TreeSet<>();
        for (EnvVar var : env) {
            if (var.secretRef() != null) {
                names.add(var.secretRef().name());
            }
        }
        return names;
    }

    /** The variable with this name, if rendered. */
    public Optional<EnvVar> find(String name) {
        return env.stream().filter(var -> var.name().equals(name)).findFirst();
    }
}
