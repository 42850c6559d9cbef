package io.triggermesh.aws.crds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.SharedSpecFields;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The CustomResourceDefinition of one kind: names and categories from its descriptor, the status subresource the
 * controller writes, printer columns and the schema of its spec type.
 */
final class CustomResourceDefinitions {

    /** Every kind is in this category, so {@code kubectl get triggermesh} lists all connector objects. */
    static final String CATEGORY = "triggermesh";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String READY = ".status.conditions[?(@.type==\"Ready\")]";

    private final SchemaBuilder schemas = new SchemaBuilder();

    /** The CRD of {@code kind}, declared by the plugin named {@code plugin}. */
    ObjectNode of(String plugin, KindDescriptor<?> kind) {
        ObjectNode crd = NODES.objectNode();
        crd.put("apiVersion", "apiextensions.k8s.io/v1");
        crd.put("kind", "CustomResourceDefinition");
        ObjectNode metadata = crd.putObject("metadata");
        metadata.put("name", kind.plural() + "." + kind.group());
        ObjectNode labels = metadata.putObject("labels");
        labels.put("triggermesh.io/plugin", plugin);
        if (kind.role() == Role.SOURCE) {
            // Knative's conventions for event sources, so its tooling lists these kinds.
            labels.put("duck.knative.dev/source", "true");
            labels.put("eventing.knative.dev/source", "true");
            if (!kind.emittedEventTypes().isEmpty()) {
                metadata.putObject("annotations").put("registry.knative.dev/eventTypes", eventTypes(kind));
            }
        } else {
            labels.put("duck.knative.dev/addressable", "true");
        }

        ObjectNode spec = crd.putObject("spec");
        spec.put("group", kind.group());
        ObjectNode names = spec.putObject("names");
        names.put("kind", kind.kind());
        names.put("listKind", kind.kind() + "List");
        names.put("plural", kind.plural());
        names.put("singular", kind.kind().toLowerCase(Locale.ROOT));
        names.putArray("categories").add(CATEGORY).add(roleCategory(kind.role()));
        spec.put("scope", "Namespaced");
        ObjectNode version = spec.putArray("versions").addObject();
        version.put("name", kind.version());
        version.put("served", true);
        version.put("storage", true);
        version.putObject("subresources").putObject("status");
        version.set("additionalPrinterColumns", printerColumns(kind.role()));
        version.putObject("schema").set("openAPIV3Schema", rootSchema(kind));
        return crd;
    }

    /** The file name of a kind's CRD, as controller-gen names them: {@code <group>_<plural>.yaml}. */
    static String fileName(KindDescriptor<?> kind) {
        return kind.group() + "_" + kind.plural() + ".yaml";
    }

    static String roleCategory(Role role) {
        return role == Role.SOURCE ? "sources" : "targets";
    }

    private ObjectNode rootSchema(KindDescriptor<?> kind) {
        String noun = kind.role() == Role.SOURCE ? "an event source" : "an event target";
        String summary = SchemaBuilder.classDescription(kind.specType());
        ObjectNode root = NODES.objectNode();
        root.put("description", kind.kind() + " is " + noun + (summary == null ? "." : ": " + summary));
        root.put("type", "object");
        root.putArray("required").add("spec");
        ObjectNode properties = root.putObject("properties");
        properties.putObject("apiVersion").put("description", "APIVersion of this object, "
                + kind.apiVersion() + ".").put("type", "string");
        properties.putObject("kind").put("description", "Kind of this object, " + kind.kind() + ".")
                .put("type", "string");
        // No description here: Kubernetes accepts nothing but the type (and name rules) for the root metadata.
        properties.putObject("metadata").put("type", "object");
        ObjectNode spec = NODES.objectNode().put("description", "Desired state of the " + kind.kind() + ".");
        // The kind's own fields, then the ones every kind shares, which the controller owns.
        ObjectNode own = schemas.objectSchema(kind.specType(), "spec");
        spec.setAll(SharedFieldSchemas.withSharedFields(own, kind, schemas));
        properties.set("spec", spec);
        properties.putObject("status")
                .put("description", "Observed state, written by the controller: observedGeneration, the conditions"
                        + " (Ready, ServiceAccountReady, CredentialsReady, ResourcesReady, SinkProvided, Deployed),"
                        + (kind.role() == Role.SOURCE ? " sinkUri," : " address.url,")
                        + " serviceAccountName, awsIdentity, auth (the checked AWS identity: mode, identity,"
                        + " account, expiresAt, checkedAt, notChecked) and the connector's own fields.")
                .put("type", "object")
                .put("x-kubernetes-preserve-unknown-fields", true);
        SensitiveFields.markAsPasswords(root, SharedSpecFields.SENSITIVE_PATHS);
        SensitiveFields.markAsPasswords(root, kind.sensitiveFields());
        return root;
    }

    private static ArrayNode printerColumns(Role role) {
        ArrayNode columns = NODES.arrayNode();
        columns.addObject().put("name", "Ready").put("type", "string").put("jsonPath", READY + ".status")
                .put("description", "Whether the object is ready.");
        columns.addObject().put("name", "Reason").put("type", "string").put("jsonPath", READY + ".reason")
                .put("description", "Why the object is not ready.");
        if (role == Role.SOURCE) {
            columns.addObject().put("name", "Sink").put("type", "string").put("jsonPath", ".status.sinkUri")
                    .put("description", "Where the events go.");
        } else {
            columns.addObject().put("name", "URL").put("type", "string").put("jsonPath", ".status.address.url")
                    .put("description", "Where the target receives events.");
        }
        columns.addObject().put("name", "Age").put("type", "date").put("jsonPath", ".metadata.creationTimestamp");
        // Priority 1: only with -o wide, where an ARN's width does not crowd out the everyday columns.
        columns.addObject().put("name", "Identity").put("type", "string").put("jsonPath", ".status.auth.identity")
                .put("priority", 1)
                .put("description", "The AWS identity (sts:GetCallerIdentity ARN) the object's credentials resolve to.");
        return columns;
    }

    private static String eventTypes(KindDescriptor<?> kind) {
        ArrayNode types = NODES.arrayNode();
        kind.emittedEventTypes().forEach(type -> types.addObject().put("type", type));
        try {
            return new ObjectMapper().writeValueAsString(types);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
