package io.triggermesh.aws.controller.desired;

import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import java.util.Objects;

/**
 * Everything the desired workload of one object depends on.
 *
 * @param owner the connector object
 * @param workload what the plugin asks to run
 * @param authEnv the credentials environment from auth-core (Secret references only)
 * @param sinkUri the resolved sink of a source, or {@code null}
 * @param serviceAccountName the ServiceAccount to run as, or {@code null} for the namespace default
 * @param overrides the object's {@code spec.adapterOverrides}, or {@code null}
 * @param credentialsVersion a digest of the referenced Secrets' versions, so that rotating a Secret rolls the
 *     adapter; {@code null} when no Secret is referenced
 * @param settings controller-wide settings
 */
public record AdapterInput(OwnerObject owner, AdapterWorkload workload, AdapterEnvPlan authEnv,
                           String sinkUri, String serviceAccountName,
                           AdapterOverrides overrides, String credentialsVersion, AdapterSettings settings) {

    public AdapterInput {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(authEnv, "authEnv");
        Objects.requireNonNull(settings, "settings");
        overrides = overrides == null ? AdapterOverrides.none() : overrides;
    }
}
