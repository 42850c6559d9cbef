package io.triggermesh.aws.controller.reconcile;

/** Which object to reconcile: its kind (as {@code group/Kind}), namespace and name. */
public record ReconcileKey(String kind, String namespace, String name) {

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
