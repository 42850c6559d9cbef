package io.triggermesh.aws.controller.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.ReconcileKey;
import java.util.List;
import java.util.function.Consumer;

/**
 * Maps a change to an object the controller created (ServiceAccount, Deployment, Service) to a reconcile of every
 * connector object that owns it, so drift is repaired.
 */
final class OwnerEvents<T extends HasMetadata> implements ResourceEventHandler<T> {

    private final PluginRegistry registry;
    private final Consumer<ReconcileKey> enqueue;

    OwnerEvents(PluginRegistry registry, Consumer<ReconcileKey> enqueue) {
        this.registry = registry;
        this.enqueue = enqueue;
    }

    @Override
    public void onAdd(T obj) {
        notifyOwners(obj);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        notifyOwners(newObj);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        notifyOwners(obj);
    }

    private void notifyOwners(T obj) {
        List<OwnerReference> owners = obj.getMetadata().getOwnerReferences();
        if (owners == null) {
            return;
        }
        for (OwnerReference ref : owners) {
            String apiVersion = ref.getApiVersion() == null ? "" : ref.getApiVersion();
            int slash = apiVersion.indexOf('/');
            String group = slash < 0 ? "" : apiVersion.substring(0, slash);
            registry.find(group, ref.getKind()).ifPresent(kind -> enqueue.accept(
                    new ReconcileKey(kind.key(), obj.getMetadata().getNamespace(), ref.getName())));
        }
    }
}
