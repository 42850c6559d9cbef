package io.triggermesh.aws.crds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marks the schema of every field a kind declares sensitive ({@code KindDescriptor.sensitiveFields}, JSON paths
 * such as {@code spec.auth.credentials.*.value}) with {@code format: password}, so tools that display objects know
 * to hide it. A path that names no string field is a mistake in the plugin and stops the generator.
 */
final class SensitiveFields {

    private SensitiveFields() {
    }

    static void markAsPasswords(ObjectNode rootSchema, List<String> paths) {
        for (String path : paths) {
            List<ObjectNode> found = new ArrayList<>();
            String[] segments = Arrays.stream(path.split("\\."))
                    .map(s -> s.replaceAll("\\[[^]]*]$", "[]")).toArray(String[]::new);
            find(rootSchema, segments, 0, found);
            List<ObjectNode> strings = found.stream().filter(n -> "string".equals(n.path("type").asText())).toList();
            if (strings.isEmpty()) {
                throw new SchemaException("sensitive field " + path + " names no string field of the spec");
            }
            strings.forEach(node -> node.put("format", "password"));
        }
    }

    private static void find(JsonNode schema, String[] segments, int index, List<ObjectNode> found) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if ("array".equals(schema.path("type").asText())) {
            find(schema.path("items"), segments, index, found);
            return;
        }
        if (index == segments.length) {
            if (schema instanceof ObjectNode node) {
                found.add(node);
            }
            return;
        }
        String segment = segments[index];
        boolean items = segment.endsWith("[]");
        String name = items ? segment.substring(0, segment.length() - 2) : segment;
        List<JsonNode> next = new ArrayList<>();
        if (name.equals("*")) {
            schema.path("properties").forEach(next::add);
            if (schema.has("additionalProperties")) {
                next.add(schema.path("additionalProperties"));
            }
        } else if (schema.path("properties").has(name)) {
            next.add(schema.path("properties").path(name));
        } else if (schema.has("additionalProperties")) {
            next.add(schema.path("additionalProperties"));
        }
        for (JsonNode child : next) {
            find(child, segments, index + 1, found);
        }
    }
}
