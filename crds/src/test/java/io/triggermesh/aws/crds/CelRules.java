package io.triggermesh.aws.crds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of a CRD schema against an object with Google's CEL library,
 * as the API server does at admission: each rule runs with {@code self} bound to the value at the rule's place in the
 * object, when that value is present. {@code self} is dynamically typed here (the API server types it from the
 * schema), which gives the same answers for the presence checks our rules use.
 */
final class CelRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private CelRules() {
    }

    /** Messages of the rules {@code value} breaks, prefixed with their path. */
    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        walk(schema, value, "", out);
        return out;
    }

    /** Evaluates one rule with {@code self} = {@code value}. */
    static boolean holds(String rule, JsonNode value) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(rule).getAst();
            Object result = RUNTIME.createProgram(ast).eval(Map.of("self", toCel(value)));
            if (!(result instanceof Boolean b)) {
                throw new AssertionError("rule " + rule + " returned " + result + ", not a boolean");
            }
            return b;
        } catch (CelValidationException | CelEvaluationException e) {
            throw new AssertionError("rule " + rule + " does not compile or evaluate: " + e.getMessage(), e);
        }
    }

    private static void walk(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        for (JsonNode validation : schema.path("x-kubernetes-validations")) {
            if (!holds(validation.path("rule").asText(), value)) {
                out.add((path.isEmpty() ? "<root>" : path) + ": " + validation.path("message").asText());
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode child = properties.has(field.getKey()) ? properties.path(field.getKey())
                        : schema.path("additionalProperties");
                walk(child, field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(schema.path("items"), value.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** JSON as CEL's Java values: maps, lists, strings, longs, doubles, booleans. */
    private static Object toCel(JsonNode value) {
        return convertNumbers(JSON.convertValue(value, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Object convertNumbers(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, convertNumbers(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CelRules::convertNumbers).toList();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }
}
