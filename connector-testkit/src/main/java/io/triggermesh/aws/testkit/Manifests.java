package io.triggermesh.aws.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reading YAML (example manifests, generated CRDs) and the JSON names of a spec type, for the contract checks. */
final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** The first YAML document of {@code text}. */
    static JsonNode read(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example manifest of {@code kind} at {@code examples/<kind>.yaml} on the test class path, or an
     * AssertionError saying where to put one.
     */
    static JsonNode example(Class<?> testClass, String kind) {
        String resource = "examples/" + kind + ".yaml";
        try (InputStream in = testClass.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(kind + ": no example manifest. Put a complete " + kind + " object, as a user"
                        + " writes it (spec.auth included), at src/test/resources/" + resource + ", or override"
                        + " exampleManifest(kind)");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON property names Jackson binds for {@code type}. */
    static List<String> jsonProperties(Class<?> type) {
        return YAML.getDeserializationConfig().introspect(YAML.constructType(type)).findProperties().stream()
                .map(BeanPropertyDefinition::getName).toList();
    }
}
