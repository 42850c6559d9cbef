package io.triggermesh.aws.controller.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import io.triggermesh.aws.auth.credentials.IdentityChoice;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code triggermesh.controller.*} (environment variables {@code TRIGGERMESH_CONTROLLER_*}).
 *
 * @param namespaces namespaces to watch; empty (default) watches all
 * @param resync how often every object is reconciled even without events (default 10m); rotated Secrets are
 *     noticed sooner, see {@link SecretPollSettings}
 * @param workers objects reconciled in parallel (default 2)
 * @param initialBackoff first retry delay after a transient failure (default 1s), doubled up to maxBackoff
 * @param maxBackoff longest retry delay (default 5m)
 * @param cleanupAttempts deletion cleanups tried before the finalizer is released anyway (default 5)
 * @param useControllerIdentity when true, objects using {@code iam} without {@code roleArn} get their AWS
 *     resources managed with the controller's own identity; default false (see docs/auth.md)
 * @param awsRegion region for adapters and managed resources unless a plugin sets its own (default us-east-1)
 * @param awsEndpoint AWS endpoint override for the controller and every adapter (emulators, VPC endpoints)
 * @param adapterImages image per kind overriding a plugin's default adapter image, in the map form
 *     ({@code adapter-images.AWSS3Source=image}); the {@code Kind=image} list form the Helm chart sets is read by
 *     {@link AdapterSettingsFactory}
 * @param leaderElection whether to elect a leader with a Lease before reconciling (default true)
 * @param leaseName the Lease's name (default triggermesh-controller)
 * @param leaseNamespace the Lease's namespace (default: the pod's namespace, {@code POD_NAMESPACE}, else
 *     triggermesh; set in application.yml)
 * @param leaseIdentity how this replica's identity in the Lease starts, followed by a random part (default: the
 *     pod's name, {@code HOSTNAME}, else controller; set in application.yml)
 * @param crossNamespaceSinks whether a source's {@code spec.sink.ref} may name an object in another namespace
 *     (default false: refused, see docs/architecture.md, "Sinks in other namespaces"); like Knative's
 *     {@code cross-namespace-event-links}
 * @param identityCheck whether the controller asks AWS (sts:GetCallerIdentity, once per credential source per
 *     resync) which identity each object's credentials resolve to, for {@code status.auth} (default true); false
 *     where the controller must not use objects' credentials for that (see docs/auth.md, "Checking which
 *     identity a connector uses")
 * @param identityCheckInterval how long one identity check holds per credential source (default 10m): at most one
 *     sts:GetCallerIdentity per source per interval, however short the resync
 * @param podIdentityAgentUri the EKS Pod Identity agent's credentials endpoint, which identity checks of Pod
 *     Identity objects ask for the association's session (default http://169.254.170.23/v1/credentials, where the
 *     agent listens on every node; see docs/auth.md, "EKS Pod Identity")
 */
@ConfigurationProperties("triggermesh.controller")
public record ControllerSettings(
        @Nullable List<String> namespaces,
        @Bindable(defaultValue = "10m") Duration resync,
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "1s") Duration initialBackoff,
        @Bindable(defaultValue = "5m") Duration maxBackoff,
        @Bindable(defaultValue = "5") int cleanupAttempts,
        @Bindable(defaultValue = "false") boolean useControllerIdentity,
        @Bindable(defaultValue = "us-east-1") String awsRegion,
        @Nullable URI awsEndpoint,
        @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
        Map<String, String> adapterImages,
        @Bindable(defaultValue = "true") boolean leaderElection,
        @Bindable(defaultValue = "triggermesh-controller") String leaseName,
        @Nullable String leaseNamespace,
        @Nullable String leaseIdentity,
        @Bindable(defaultValue = "false") boolean crossNamespaceSinks,
        @Bindable(defaultValue = "true") boolean identityCheck,
        @Bindable(defaultValue = "10m") Duration identityCheckInterval,
        @Bindable(defaultValue = "http://169.254.170.23/v1/credentials") URI podIdentityAgentUri) {

    public ControllerSettings {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        adapterImages = adapterImages == null ? Map.of() : Map.copyOf(adapterImages);
    }

    public IdentityChoice identityChoice() {
        return useControllerIdentity ? IdentityChoice.CONTROLLER_IDENTITY_OPT_IN : IdentityChoice.OBJECT_IDENTITY_ONLY;
    }

    public String effectiveLeaseNamespace() {
        if (leaseNamespace != null && !leaseNamespace.isBlank()) {
            return leaseNamespace;
        }
        return "triggermesh";
    }

    public String effectiveLeaseIdentity() {
        if (leaseIdentity != null && !leaseIdentity.isBlank()) {
            return leaseIdentity.trim();
        }
        return "controller";
    }
}
