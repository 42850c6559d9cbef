package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import io.triggermesh.aws.spi.ObjectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the {@link DesiredPipeline} over one valid object: what the steps learned so far (the ServiceAccount,
 * the credentials, the plugin's status, the sink), the status being built, how the work queue should proceed, and
 * the objects as they stand after each write.
 */
final class Pass {

    final LoadedKind kind;
    final ObjectView object;
    final OwnerObject owner;
    final ValidatedObject validated;
    final StatusBuilder status;
    private Result result = Result.done();
    private final List<HasMetadata> objects = new ArrayList<>();

    /** The ServiceAccount the adapter runs as, {@code null} for the namespace's default. */
    String serviceAccountName;
    AdapterEnvPlan envPlan;
    /** A digest of the referenced Secrets' versions, {@code null} when there are none. */
    String credentialsVersion;
    boolean credentialsHold;
    /** The plugin's own status fields: as last published, or as the resources step just returned them. */
    Map<String, String> pluginStatus;
    /** The sink of a source, {@code null} while unresolved. */
    String sinkUri;

    Pass(LoadedKind kind, ObjectView object, OwnerObject owner, ValidatedObject validated, StatusBuilder status) {
        this.kind = kind;
        this.object = object;
        this.owner = owner;
        this.validated = validated;
        this.status = status;
        this.pluginStatus = object.pluginStatus();
    }

    Result result() {
        return result;
    }

    void and(Result next) {
        result = result.and(next);
    }

    /** Applies {@code change} through {@code cluster} and keeps the object as it now stands (not deletions). */
    HasMetadata write(Cluster cluster, Change change) {
        HasMetadata written = cluster.write(change);
        if (change.op() != Change.Op.DELETE) {
            objects.add(written);
        }
        return written;
    }

    /** Every object the pass created, updated or found already as desired, in the order of the steps. */
    List<HasMetadata> objects() {
        return List.copyOf(objects);
    }

    /** The hooks' view of the object, with the plugin status known at this point of the pass. */
    ObjectContext<Object> context() {
        return context(kind, object, owner, validated, pluginStatus);
    }

    /** The hooks' view of {@code object} with {@code pluginStatus}; also what cleanup hooks get. */
    static ObjectContext<Object> context(LoadedKind kind, ObjectView object, OwnerObject owner,
                                         ValidatedObject validated, Map<String, String> pluginStatus) {
        return new ObjectContext<>(kind.descriptor().kind(), owner.namespace(), owner.name(), owner.uid(),
                object.generation(), validated.spec(), pluginStatus);
    }
}
