package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.credentials.CredentialsUnavailableException;
import io.triggermesh.aws.controller.kube.EventRecorder;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ObjectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletion of kinds that manage AWS resources: run the plugin's cleanup with the object's identity, release its
 * ServiceAccounts, then remove the finalizer. Cleanup is retried a bounded number of times; after that the
 * finalizer is released anyway with a Warning naming what may remain, so deletion never hangs forever.
 */
final class Finalization {

    private final KubernetesClient client;
    private final ResourcesStep resources;
    private final ServiceAccountStep serviceAccounts;
    private final EventRecorder events;
    private final int maxAttempts;
    private final CleanupAttempts attempts = new CleanupAttempts();

    Finalization(KubernetesClient client, ResourcesStep resources, ServiceAccountStep serviceAccounts,
                 EventRecorder events, int maxAttempts) {
        this.client = client;
        this.resources = resources;
        this.serviceAccounts = serviceAccounts;
        this.events = events;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Adds the finalizer; when the API server refuses it for good ({@link ApiRejection}), returns the
     * {@code ResourcesReady} condition that says so, since no AWS resource is created without it.
     */
    Optional<Condition> addFinalizer(LoadedKind kind, ObjectView object, OwnerObject owner) {
        GenericKubernetesResource updated = copy(object.resource());
        List<String> finalizers = new ArrayList<>(orEmpty(updated.getMetadata().getFinalizers()));
        finalizers.add(ConnectorReconciler.FINALIZER);
        updated.getMetadata().setFinalizers(finalizers);
        try {
            client.genericKubernetesResources(Kinds.context(kind)).inNamespace(updated.getMetadata().getNamespace())
                    .resource(updated).update();
            return Optional.empty();
        } catch (KubernetesClientException e) {
            if (!ApiRejection.is(e)) {
                throw e;
            }
            return Optional.of(ApiRejection.condition(Condition.RESOURCES_READY, "add finalizer "
                    + ConnectorReconciler.FINALIZER + " to " + owner.displayName()
                    + ", without which the controller creates no AWS resources for it", e, true));
        }
    }

    Result finalizeObject(LoadedKind kind, ObjectView object, OwnerObject owner, ValidatedObject validated) {
        if (!object.hasFinalizer(ConnectorReconciler.FINALIZER)) {
            attempts.forget(owner.uid());
            return Result.done();
        }
        if (attempts.finished(owner.uid())) {
            // Cleaned up already; only releasing the ServiceAccounts or the finalizer was refused last time.
            return release(kind, object, owner);
        }
        if (validated.spec() != null && validated.auth() != null) {
            int attempt = attempts.next(owner.uid());
            try {
                cleanup(kind.kind(), Pass.context(kind, object, owner, validated,
                        object.pluginStatus()), owner, validated, object);
                events.normal(owner, "CleanedUp", "removed the AWS resources this object managed");
            } catch (CredentialsUnavailableException e) {
                events.warning(owner, "CleanupSkipped", "cannot clean up AWS resources: " + e.getMessage()
                        + "; these may remain: " + object.pluginStatus());
            } catch (RuntimeException e) {
                if (attempt < maxAttempts) {
                    return Result.retry("CleanupFailed");
                }
                events.warning(owner, "CleanupAbandoned", "gave up cleaning up AWS resources after " + attempt
                        + " attempts (" + e.getMessage() + "); remove these by hand: " + object.pluginStatus());
            }
        } else {
            events.warning(owner, "CleanupSkipped", "the spec cannot be read, so AWS resources cannot be cleaned"
                    + " up; these may remain: " + object.pluginStatus());
        }
        attempts.finish(owner.uid());
        return release(kind, object, owner);
    }

    /**
     * Releases the ServiceAccounts, then the finalizer. A write the API server refuses for good is a Warning Event
     * naming what was refused, and the object is retried with its backoff; the AWS cleanup is not repeated.
     */
    private Result release(LoadedKind kind, ObjectView object, OwnerObject owner) {
        List<String> refused = serviceAccounts.releaseOthers(owner, null);
        if (!refused.isEmpty()) {
            events.warning(owner, ApiRejection.REASON, String.join("; ", refused) + "; the finalizer "
                    + ConnectorReconciler.FINALIZER + " stays until they are released, the controller retries with"
                    + " backoff");
            return Result.retry(ApiRejection.REASON);
        }
        GenericKubernetesResource updated = copy(object.resource());
        List<String> finalizers = new ArrayList<>(orEmpty(updated.getMetadata().getFinalizers()));
        finalizers.remove(ConnectorReconciler.FINALIZER);
        updated.getMetadata().setFinalizers(finalizers);
        try {
            client.genericKubernetesResources(Kinds.context(kind)).inNamespace(owner.namespace()).resource(updated)
                    .update();
        } catch (KubernetesClientException e) {
            if (!ApiRejection.is(e)) {
                throw e;
            }
            events.warning(owner, ApiRejection.REASON, ApiRejection.message("remove finalizer "
                    + ConnectorReconciler.FINALIZER + " from " + owner.displayName(), e, true)
                    + "; its AWS resources are cleaned up, but Kubernetes keeps the object until the finalizer is"
                    + " removed; the controller retries with backoff");
            return Result.retry(ApiRejection.REASON);
        }
        attempts.forget(owner.uid());
        return Result.done();
    }

    private <S> void cleanup(ConnectorKind<S> kind, ObjectContext<?> context, OwnerObject owner,
                             ValidatedObject validated, ObjectView object) {
        @SuppressWarnings("unchecked")
        ObjectContext<S> typed = (ObjectContext<S>) context;
        Object saName = object.status().get("serviceAccountName");
        resources.cleanup(kind, typed, owner, validated.auth(), saName instanceof String s ? s : null);
    }

    private static GenericKubernetesResource copy(GenericKubernetesResource resource) {
        return Json.MAPPER.convertValue(resource, GenericKubernetesResource.class);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
