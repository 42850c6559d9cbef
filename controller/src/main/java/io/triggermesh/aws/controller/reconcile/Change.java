package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * One write a step wants, for {@link Cluster#write} to perform: the step computes it, the cluster applies it.
 *
 * @param op what to do
 * @param object the object to create or update (the desired form, merged onto the existing one), the object to
 *     delete, or for {@link Op#KEEP} the existing object, which is already as desired
 */
public record Change(Op op, HasMetadata object) {

    /** What to do with {@link #object}. */
    public enum Op {
        CREATE, UPDATE, DELETE,
        /** Nothing to write: the existing object is already what the step wants. */
        KEEP
    }

    public Change {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(object, "object");
    }

    static Change create(HasMetadata object) {
        return new Change(Op.CREATE, object);
    }

    static Change update(HasMetadata object) {
        return new Change(Op.UPDATE, object);
    }

    static Change delete(HasMetadata object) {
        return new Change(Op.DELETE, object);
    }

    static Change keep(HasMetadata object) {
        return new Change(Op.KEEP, object);
    }
}
