package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code render} prints: the {@link DesiredPipeline} run against the objects given with {@code -f} instead of
 * the API server, without the steps that call AWS (the plugin's status fields are the object's own, as the
 * controller would find them once its resources are in place).
 *
 * @param objects the ServiceAccount, owned Secret, Deployment and Service as the controller would leave them:
 *     created, updated (merged onto the given object, keeping its other fields) or already as desired
 * @param warnings each condition that does not hold, as {@code Type Reason: message}
 */
public record Preview(List<HasMetadata> objects, List<String> warnings) {

    /** The uid a rendered object has not been given yet; the API server assigns it on creation. */
    public static final String UNASSIGNED_UID = "assigned-by-the-api-server";

    public Preview {
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param validated {@code object} validated
     * @param object the connector object; without a namespace it is in {@code default}, without a uid it gets
     *     {@link #UNASSIGNED_UID}
     * @param given the objects that exist, in memory; the pipeline's writes change them
     */
    public static Preview of(ValidatedObject validated, GenericKubernetesResource object, GivenObjects given,
                             AdapterSettings settings) {
        GenericKubernetesResource copy = Json.MAPPER.convertValue(object, GenericKubernetesResource.class);
        if (copy.getMetadata().getNamespace() == null) {
            copy.getMetadata().setNamespace("default");
        }
        if (copy.getMetadata().getUid() == null) {
            copy.getMetadata().setUid(UNASSIGNED_UID);
        }
        ObjectView view = new ObjectView(copy);
        OwnerObject owner = view.owner(validated.kind());
        StatusBuilder status = new StatusBuilder(view.status(), view.generation(), Clock.systemUTC());
        Pass pass = new Pass(validated.kind(), view, owner, validated, status);
        // Cross-namespace sinks stay refused, as by default: render cannot know what an administrator allowed.
        new DesiredPipeline(settings, false, true).run(pass, given, DesiredPipeline.LiveSteps.NONE);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> built = status.build("");
        if (built.get("conditions") instanceof List<?> conditions) {
            for (Object item : conditions) {
                Condition c = Condition.fromMap((Map<?, ?>) item);
                // Deployed and Ready follow the pods, which render has none of.
                if (!c.holds() && !c.type().equals(Condition.DEPLOYED) && !c.type().equals(Condition.READY)) {
                    warnings.add(c.type() + " " + c.reason() + ": " + c.message());
                }
            }
        }
        return new Preview(pass.objects(), warnings);
    }
}
