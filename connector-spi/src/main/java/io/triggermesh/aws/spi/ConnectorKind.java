package io.triggermesh.aws.spi;

import java.util.List;
import java.util.Map;

/**
 * The hooks the controller calls for one kind. {@code S} is the kind's spec type, deserialised by the controller
 * from the object's {@code spec} with Jackson; {@code spec.auth} is handled by the controller itself, so a connector
 * never reads credentials.
 *
 * @param <S> the spec type declared in {@link KindDescriptor#specType()}
 */
public interface ConnectorKind<S> {

    /** What this kind is and what it needs. Must return the same value on every call. */
    KindDescriptor<S> descriptor();

    /**
     * Problems in the connector's own part of the spec (everything except {@code auth}, which the controller
     * validates). Paths are JSON paths from the object root, such as {@code spec.arn}.
     */
    default List<Problem> validate(S spec) {
        return List.of();
    }

    /**
     * Creates or updates the AWS resources this object needs. Must be idempotent: called on every reconcile whose
     * inputs changed, with the identity the controller chose for this object.
     *
     * @return status fields to publish (for example {@code queueARN}); never secret material
     */
    default ResourceOutcome ensureResources(ObjectContext<S> object, AwsAccess aws) {
        return ResourceOutcome.none();
    }

    /**
     * Removes what {@link #ensureResources} created for this object, and only that. Must tolerate resources that are
     * already gone. Called while the object is being deleted, with the status fields last published.
     */
    default void cleanupResources(ObjectContext<S> object, AwsAccess aws) {
    }

    /**
     * Values for the {@code ${name}} placeholders of this kind's {@link IamPermission} resources, taken from one
     * object (for example {@code partition}, {@code region}, {@code account}, {@code bucket}). Missing values render
     * as {@code *}.
     */
    default Map<String, String> permissionValues(ObjectContext<S> object) {
        return Map.of();
    }

    /**
     * The adapter's permissions for one object, when they depend on its spec. Defaults to the descriptor's list;
     * placeholders are filled from {@link #permissionValues}.
     */
    default List<IamPermission> adapterPermissions(ObjectContext<S> object) {
        return descriptor().adapterPermissions();
    }

    /**
     * The controller's permissions for one object's managed resources (for example none for a queue the user
     * supplies). Defaults to the descriptor's list.
     */
    default List<IamPermission> controllerPermissions(ObjectContext<S> object) {
        return descriptor().controllerPermissions();
    }

    /** The adapter workload the controller deploys for this object. */
    AdapterWorkload adapter(ObjectContext<S> object);

    /**
     * The CloudEvent {@code source} attribute of the events this object's adapter emits, which the controller
     * publishes in {@code status.ceAttributes} next to each of {@link KindDescriptor#emittedEventTypes()}. Asked only
     * for kinds that emit events. Override it when the adapter derives its source from something other than the
     * {@link AdapterEnv#ARN} it is given.
     *
     * @return by default the {@link AdapterEnv#ARN} variable of {@link #adapter} (by convention {@code spec.arn},
     *     which adapters use as their source), or the empty string when the adapter gets none
     */
    default String eventSource(ObjectContext<S> object) {
        return adapter(object).env().getOrDefault(AdapterEnv.ARN, "");
    }
}
