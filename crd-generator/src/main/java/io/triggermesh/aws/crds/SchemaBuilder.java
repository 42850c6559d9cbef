package io.triggermesh.aws.crds;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.spi.api.AtLeastOneOf;
import io.triggermesh.aws.spi.api.ExactlyOneOf;
import io.triggermesh.aws.spi.api.FieldSchema;
import io.triggermesh.aws.spi.api.ValidationRule;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The OpenAPI v3 schema of a Java spec type, as Kubernetes wants it in a CRD: structural (every node typed, no
 * {@code $ref}), with a description on every property. Properties, JSON names and descriptions come from Jackson's
 * own introspection (the view the controller deserialises with); constraints come from the SPI's schema hints.
 */
final class SchemaBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The schema of {@code type}, an object type; {@code path} names it in error messages. */
    ObjectNode objectSchema(Class<?> type, String path) {
        return schemaOf(mapper.constructType(type), null, path, new ArrayDeque<>());
    }

    /** The {@code @JsonClassDescription} of {@code type}, if any. */
    static String classDescription(Class<?> type) {
        JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
        return description == null || description.value().isBlank() ? null : description.value();
    }

    private ObjectNode schemaOf(JavaType type, FieldSchema hints, String path, Deque<Class<?>> seen) {
        if (type.isArrayType() || type.isCollectionLikeType()) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", schemaOf(type.getContentType(), hints, path + "[*]", seen));
            if (hints != null && hints.minItems() >= 0) {
                array.put("minItems", hints.minItems());
            }
            if (hints != null && hints.maxItems() >= 0) {
                array.put("maxItems", hints.maxItems());
            }
            return array;
        }
        if (type.isMapLikeType()) {
            if (!type.getKeyType().hasRawClass(String.class)) {
                throw new SchemaException(path + ": map keys must be strings, not " + type.getKeyType());
            }
            ObjectNode map = NODES.objectNode().put("type", "object");
            map.set("additionalProperties", schemaOf(type.getContentType(), hints, path + ".*", seen));
            return map;
        }
        ObjectNode scalar = scalarSchema(type.getRawClass(), path);
        if (scalar != null) {
            return withScalarHints(scalar, hints, path);
        }
        return beanSchema(type, path, seen);
    }

    private ObjectNode scalarSchema(Class<?> raw, String path) {
        if (raw == String.class || raw == char.class || raw == Character.class || raw == URI.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (raw.isEnum()) {
            ObjectNode schema = NODES.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(mapper.convertValue(constant, String.class));
            }
            return schema;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            throw new SchemaException(path + ": type " + raw.getName() + " has no schema; use a record or a"
                    + " typed collection so the CRD can describe it");
        }
        return null;
    }

    private static ObjectNode withScalarHints(ObjectNode schema, FieldSchema hints, String path) {
        if (hints == null) {
            return schema;
        }
        if (hints.intOrString()) {
            if (!"string".equals(schema.path("type").asText())) {
                throw new SchemaException(path + ": intOrString needs a String field");
            }
            ObjectNode either = NODES.objectNode().put("x-kubernetes-int-or-string", true);
            ArrayNode anyOf = either.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
            return either;
        }
        boolean string = "string".equals(schema.path("type").asText());
        boolean integer = "integer".equals(schema.path("type").asText());
        if (!hints.format().isEmpty()) {
            schema.put("format", hints.format());
        }
        if (!hints.pattern().isEmpty()) {
            requireKind(string, path, "pattern");
            schema.put("pattern", hints.pattern());
        }
        if (hints.minLength() >= 0) {
            requireKind(string, path, "minLength");
            schema.put("minLength", hints.minLength());
        }
        if (hints.maxLength() >= 0) {
            requireKind(string, path, "maxLength");
            schema.put("maxLength", hints.maxLength());
        }
        if (hints.minimum() != Long.MIN_VALUE) {
            requireKind(integer, path, "minimum");
            schema.put("minimum", hints.minimum());
        }
        if (hints.maximum() != Long.MAX_VALUE) {
            requireKind(integer, path, "maximum");
            schema.put("maximum", hints.maximum());
        }
        if (hints.allowed().length > 0) {
            requireKind(string, path, "allowed");
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(hints.allowed()).forEach(values::add);
        }
        return schema;
    }

    private static void requireKind(boolean matches, String path, String hint) {
        if (!matches) {
            throw new SchemaException(path + ": the hint " + hint + " does not fit the field's type");
        }
    }

    private ObjectNode beanSchema(JavaType type, String path, Deque<Class<?>> seen) {
        Class<?> raw = type.getRawClass();
        if (seen.contains(raw)) {
            throw new SchemaException(path + ": " + raw.getName() + " contains itself; a CRD schema cannot be"
                    + " recursive");
        }
        seen.push(raw);
        try {
            BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
            List<BeanPropertyDefinition> properties = ordered(raw, bean.findProperties());
            if (properties.isEmpty()) {
                throw new SchemaException(path + ": " + raw.getName() + " has no properties Jackson can read");
            }
            ObjectNode schema = NODES.objectNode().put("type", "object");
            ObjectNode props = NODES.objectNode();
            List<String> required = new ArrayList<>();
            for (BeanPropertyDefinition property : properties) {
                String name = property.getName();
                String at = path + "." + name;
                FieldSchema hints = hints(raw, property);
                ObjectNode child = schemaOf(property.getPrimaryType(), hints, at, seen);
                String description = property.getMetadata().getDescription();
                if (description == null || description.isBlank()) {
                    throw new SchemaException(at + " has no description: add @JsonPropertyDescription to "
                            + raw.getSimpleName() + "." + property.getInternalName());
                }
                props.set(name, describedFirst(description, child));
                if (hints != null && hints.required()) {
                    required.add(name);
                }
            }
            if (!required.isEmpty()) {
                ArrayNode list = schema.putArray("required");
                required.forEach(list::add);
            }
            schema.set("properties", props);
            addTypeRules(raw, props, schema, path);
            return schema;
        } finally {
            seen.pop();
        }
    }

    /** {@code child} with its description as the first key, which keeps the YAML readable. */
    private static ObjectNode describedFirst(String description, ObjectNode child) {
        ObjectNode described = NODES.objectNode().put("description", description);
        described.setAll(child);
        return described;
    }

    /**
     * The properties a document can set, in order: for records their components in declaration order (helper
     * methods such as {@code isLiteral()} are not fields); for other types those with a setter, field or creator
     * parameter, in Jackson's order.
     */
    private static List<BeanPropertyDefinition> ordered(Class<?> raw, List<BeanPropertyDefinition> properties) {
        if (!raw.isRecord()) {
            return properties.stream()
                    .filter(p -> p.hasSetter() || p.hasField() || p.hasConstructorParameter())
                    .toList();
        }
        List<String> components = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).toList();
        List<BeanPropertyDefinition> sorted = new ArrayList<>(properties.stream()
                .filter(p -> components.contains(p.getInternalName()))
                .toList());
        sorted.sort(Comparator.comparingInt(p -> {
            int index = components.indexOf(p.getInternalName());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return sorted;
    }

    private static FieldSchema hints(Class<?> owner, BeanPropertyDefinition property) {
        if (owner.isRecord()) {
            for (RecordComponent component : owner.getRecordComponents()) {
                if (component.getName().equals(property.getInternalName())
                        && component.isAnnotationPresent(FieldSchema.class)) {
                    return component.getAnnotation(FieldSchema.class);
                }
            }
        }
        for (AnnotatedMember member : Arrays.asList(property.getField(), property.getGetter(), property.getSetter(),
                property.getConstructorParameter())) {
            if (member != null && member.getAnnotation(FieldSchema.class) != null) {
                return member.getAnnotation(FieldSchema.class);
            }
        }
        return null;
    }

    private static void addTypeRules(Class<?> raw, ObjectNode properties, ObjectNode schema, String path) {
        ArrayNode validations = NODES.arrayNode();
        ExactlyOneOf exactlyOne = raw.getAnnotation(ExactlyOneOf.class);
        if (exactlyOne != null) {
            List<String> names = declared(exactlyOne.value(), properties, path, "ExactlyOneOf");
            schema.set("oneOf", requiredEach(names));
            String rule = names.stream().map(n -> "has(self." + n + ")")
                    .collect(Collectors.joining(", ", "[", "].exists_one(x, x)"));
            validations.addObject().put("rule", rule).put("message", message(exactlyOne.message(),
                    "set exactly one of " + String.join(", ", names)));
        }
        AtLeastOneOf atLeastOne = raw.getAnnotation(AtLeastOneOf.class);
        if (atLeastOne != null) {
            List<String> names = declared(atLeastOne.value(), properties, path, "AtLeastOneOf");
            schema.set("anyOf", requiredEach(names));
            String rule = names.stream().map(n -> "has(self." + n + ")").collect(Collectors.joining(" || "));
            validations.addObject().put("rule", rule).put("message", message(atLeastOne.message(),
                    "set at least one of " + String.join(", ", names)));
        }
        for (ValidationRule rule : raw.getAnnotationsByType(ValidationRule.class)) {
            validations.addObject().put("rule", rule.rule()).put("message", rule.message());
        }
        if (!validations.isEmpty()) {
            schema.set("x-kubernetes-validations", validations);
        }
    }

    private static List<String> declared(String[] names, ObjectNode properties, String path, String annotation) {
        if (names.length < 2) {
            throw new SchemaException(path + ": @" + annotation + " needs at least two field names");
        }
        for (String name : names) {
            if (!properties.has(name)) {
                throw new SchemaException(path + ": @" + annotation + " names '" + name + "', which is not a"
                        + " JSON field of this type");
            }
        }
        return List.of(names);
    }

    private static ArrayNode requiredEach(List<String> names) {
        ArrayNode alternatives = NODES.arrayNode();
        names.forEach(name -> alternatives.addObject().putArray("required").add(name));
        return alternatives;
    }

    private static String message(String given, String generated) {
        return given == null || given.isBlank() ? generated : given;
    }
}
