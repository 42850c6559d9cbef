package io.triggermesh.aws.testkit;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.SharedSpecFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Helpers for testing the JSON shape of a connector's spec records: reading test manifests (from
 * {@code /manifests/} on the test class path) as strictly as the controller does, and walking the record types of a
 * spec, for example to check that every field has a description (the CRD generator needs one).
 */
public final class SpecShapes {

    /** Strict like the controller: a field the model lacks fails the read. */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SpecShapes() {
    }

    public static JsonNode manifest(String resource) {
        try (InputStream in = SpecShapes.class.getResourceAsStream("/manifests/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test manifest " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A manifest's {@code spec} as the controller binds it to the kind's spec type: without the fields every kind
     * with this role shares ({@link SharedSpecFields}), which the controller reads itself.
     */
    public static ObjectNode ownFields(JsonNode spec, Role role) {
        ObjectNode own = ((ObjectNode) spec).deepCopy();
        own.remove(SharedSpecFields.of(role));
        return own;
    }

    /**
     * The JSON names of {@code specType}'s properties that are fields every kind with this role shares
     * ({@link SharedSpecFields}); empty when the type declares only its own.
     */
    public static List<String> sharedFieldsDeclaredBy(Class<?> specType, Role role) {
        Set<String> names = new LinkedHashSet<>();
        JSON.getDeserializationConfig().introspect(JSON.constructType(specType)).findProperties()
                .forEach(p -> names.add(p.getName()));
        JSON.getSerializationConfig().introspect(JSON.constructType(specType)).findProperties()
                .forEach(p -> names.add(p.getName()));
        return SharedSpecFields.of(role).stream().filter(names::contains).toList();
    }

    /** {@code root} and every record type reachable through its components, lists and maps included. */
    public static Set<Class<?>> recordTypes(Class<?> root) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType p) {
                todo.addAll(List.of(p.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.isRecord() && seen.add(c)) {
                for (RecordComponent component : c.getRecordComponents()) {
                    todo.push(component.getGenericType());
                }
            }
        }
        return seen;
    }

    /** {@code Type.component} for every component of the reachable records without a description. */
    public static List<String> componentsWithoutDescription(Class<?> root) {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : recordTypes(root)) {
            for (RecordComponent component : type.getRecordComponents()) {
                // Jackson's annotation cannot target record components; javac copies it to the field.
                JsonPropertyDescription d = field(type, component.getName()).getAnnotation(JsonPropertyDescription.class);
                if (d == null || d.value().isBlank()) {
                    missing.add(type.getSimpleName() + "." + component.getName());
                }
            }
        }
        return missing;
    }

    private static java.lang.reflect.Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record always has a field per component", e);
        }
    }
}
