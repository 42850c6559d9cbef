package io.triggermesh.aws.crds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the API server checks when a connector object is created against our CRDs, in three parts: the OpenAPI v3
 * schema (networknt's validator, OpenAPI 3.0 dialect), the CEL rules ({@link CelRules}) and strict field validation
 * (kubectl's default: a field the schema does not declare is an error, not silently pruned). The mock API server
 * does none of this, so the tests do it here.
 */
final class Admission {

    private final GeneratedCrds crds;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30());

    Admission(GeneratedCrds crds) {
        this.crds = crds;
    }

    /**
     * Every problem the API server would report for {@code object}, each prefixed with the check that found it
     * ({@code schema:}, {@code cel:} or {@code fields:}); empty when it would be admitted.
     */
    List<String> problems(JsonNode object) {
        ObjectNode crd = crds.forObject(object).orElseThrow(() -> new AssertionError("no CRD for "
                + object.path("apiVersion").asText() + " " + object.path("kind").asText()));
        ObjectNode schema = GeneratedCrds.schema(crd);
        List<String> problems = new ArrayList<>();
        schemaErrors(schema, object).forEach(e -> problems.add("schema: " + e));
        CelRules.violations(schema, object).forEach(e -> problems.add("cel: " + e));
        List<String> unknown = new ArrayList<>();
        unknownFields(schema, object, "", unknown);
        unknown.forEach(e -> problems.add("fields: " + e));
        return problems;
    }

    List<String> schemaErrors(JsonNode schema, JsonNode object) {
        Schema validator = registry.getSchema(schema.toString());
        return validator.validate(object).stream().map(Error::toString).toList();
    }

    private static void unknownFields(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value.isObject()) {
            if (path.equals("metadata")) {
                return;  // ObjectMeta has its own validation
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    unknownFields(properties.path(field.getKey()), field.getValue(), at, out);
                } else if (additional.isObject()) {
                    unknownFields(additional, field.getValue(), at, out);
                } else {
                    out.add(at + ": unknown field \"" + field.getKey() + "\"");
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(schema.path("items"), value.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
