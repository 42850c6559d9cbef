package io.triggermesh.aws.crds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.auth.model.SharedSpec;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.SharedSpecFields;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Adds the schemas of the fields every kind shares ({@link SharedSpecFields}: {@code auth}, {@code sink} of sources,
 * {@code adapterOverrides}) to a kind's spec schema, after the kind's own fields, from the same typed model the
 * controller reads them into ({@link SharedSpec}). A spec type that declares one of them itself is refused: the
 * controller owns them, and its schema and checks are the same for every kind.
 */
final class SharedFieldSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SharedFieldSchemas() {
    }

    /** {@code own} (the schema of the kind's spec type) with the shared fields added, keys in the usual order. */
    static ObjectNode withSharedFields(ObjectNode own, KindDescriptor<?> kind, SchemaBuilder schemas) {
        ObjectNode shared = schemas.objectSchema(SharedSpec.typeOf(kind.role()), "spec");
        ObjectNode properties = ((ObjectNode) own.path("properties")).deepCopy();
        for (String name : SharedSpecFields.of(kind.role())) {
            if (properties.has(name)) {
                throw new SchemaException("spec." + name + ": " + kind.specType().getName() + " declares " + name
                        + ", which the controller reads and checks for every kind and the generator adds to every"
                        + " CRD; remove it from the spec type (see SharedSpecFields)");
            }
        }
        properties.setAll((ObjectNode) shared.path("properties"));
        Set<String> required = new LinkedHashSet<>();
        own.path("required").forEach(n -> required.add(n.asText()));
        shared.path("required").forEach(n -> required.add(n.asText()));

        ObjectNode merged = NODES.objectNode();
        merged.set("type", own.path("type"));
        ArrayNode list = merged.putArray("required");
        required.forEach(list::add);
        merged.set("properties", properties);
        for (Iterator<Map.Entry<String, JsonNode>> rest = own.fields(); rest.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = rest.next();
            if (!merged.has(entry.getKey())) {
                merged.set(entry.getKey(), entry.getValue());
            }
        }
        return merged;
    }
}
