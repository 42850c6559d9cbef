package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.triggermesh.aws.auth.credentials.CredentialsUnavailableException;
import io.triggermesh.aws.controller.kube.EventRecorder;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ObjectContext;
import java.util.ArrayList;
import java.util.List;

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

    void addFinalizer(LoadedKind kind, ObjectView object) {
        GenericKubernetesResource updated = copy(object.resource());
        List<String> finalizers = new ArrayList<>(orEmpty(updated.getMetadata().getFinalizers()));
        finalizers.add(ConnectorReconciler.FINALIZER);
        updated.getMetadata().setFinalizers(finalizers);
        client.genericKubernetesResources(Kinds.context(kind)).inNamespace(updated.getMetadata().getNamespace())
                .resource(updated).update();
    }

    Result finalizeObject(LoadedKind kind, ObjectView object, OwnerObject owner, ValidatedObject validated) {
        if (!object.hasFinalizer(ConnectorReconciler.FINALIZER)) {
            attempts.forget(owner.uid());
            return Result.done();
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
        serviceAccounts.releaseOthers(owner, null);
        GenericKubernetesResource updated = copy(object.resource());
        List<String> finalizers = new ArrayList<>(orEmpty(updated.getMetadata().getFinalizers()));
        finalizers.remove(ConnectorReconciler.FINALIZER);
        updated.getMetadata().setFinalizers(finalizers);
        client.genericKubernetesResources(Kinds.context(kind)).inNamespace(owner.namespace()).resource(updated).update();
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
