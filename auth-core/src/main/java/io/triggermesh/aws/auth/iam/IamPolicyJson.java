package io.triggermesh.aws.auth.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes policy documents. Written by hand over a JSON tree rather than by data binding, because the
 * element order and the string-or-list shapes of the policy grammar matter more here than brevity.
 */
final class IamPolicyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Four-space indent and "\n" whatever the platform, so the output is the same byte for byte everywhere. */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n")));
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private static final Set<String> POLICY_ELEMENTS = Set.of("Version", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "Resource", "Condition");

    private IamPolicyJson() {
    }

    static String write(IamPolicy policy, boolean pretty) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("Version", policy.version());
        ArrayNode statements = root.putArray("Statement");
        for (IamStatement statement : policy.statements()) {
            ObjectNode node = statements.addObject();
            if (statement.sid() != null) {
                node.put("Sid", statement.sid());
            }
            node.put("Effect", statement.effect().json());
            statement.actions().forEach(node.putArray("Action")::add);
            statement.resources().forEach(node.putArray("Resource")::add);
            if (statement.hasCondition()) {
                ObjectNode condition = node.putObject("Condition");
                statement.condition().forEach((operator, keys) -> {
                    ObjectNode op = condition.putObject(operator);
                    keys.forEach((key, values) -> values.forEach(op.putArray(key)::add));
                });
            }
        }
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static IamPolicy parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a policy document is a JSON object");
        }
        onlyKnown(root, POLICY_ELEMENTS, "policy");
        JsonNode statementNode = root.path("Statement");
        List<IamStatement> statements = new ArrayList<>();
        if (statementNode.isObject()) {
            statements.add(statement(statementNode));
        } else if (statementNode.isArray()) {
            statementNode.forEach(node -> statements.add(statement(node)));
        } else {
            throw new IllegalArgumentException("Statement must be an object or a list");
        }
        return new IamPolicy(text(root, "Version"), statements);
    }

    private static IamStatement statement(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a statement is a JSON object");
        }
        onlyKnown(node, STATEMENT_ELEMENTS, "statement");
        Map<String, Map<String, List<String>>> condition = new LinkedHashMap<>();
        JsonNode conditionNode = node.path("Condition");
        if (!conditionNode.isMissingNode()) {
            if (!conditionNode.isObject()) {
                throw new IllegalArgumentException("Condition must be an object");
            }
            conditionNode.properties().forEach(op -> {
                if (!op.getValue().isObject()) {
                    throw new IllegalArgumentException("Condition " + op.getKey() + " must be an object");
                }
                Map<String, List<String>> keys = new LinkedHashMap<>();
                op.getValue().properties().forEach(key -> keys.put(key.getKey(), stringOrList(key.getValue(),
                        "Condition " + op.getKey() + " " + key.getKey())));
                condition.put(op.getKey(), keys);
            });
        }
        String sid = node.has("Sid") ? text(node, "Sid") : null;
        return new IamStatement(sid, IamStatement.Effect.fromJson(text(node, "Effect")),
                stringOrList(node.path("Action"), "Action"), stringOrList(node.path("Resource"), "Resource"),
                condition);
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                // Principal, NotAction, NotResource and Id are not modelled: refuse rather than silently drop them.
                throw new IllegalArgumentException("unsupported " + where + " element: " + name);
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> stringOrList(JsonNode node, String what) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(value -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException(what + " entries must be strings");
                }
                values.add(value.asText());
            });
            return values;
        }
        throw new IllegalArgumentException(what + " must be a string or a list of strings");
    }
}
