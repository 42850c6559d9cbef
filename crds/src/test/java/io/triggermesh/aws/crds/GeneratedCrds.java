package io.triggermesh.aws.crds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The committed CRDs (what users install), by {@code group/Kind}. */
final class GeneratedCrds {

    private final Map<String, ObjectNode> byKind;

    private GeneratedCrds(Map<String, ObjectNode> byKind) {
        this.byKind = byKind;
    }

    static GeneratedCrds committed() {
        return load(TestPaths.committedCrds());
    }

    static GeneratedCrds load(Path directory) {
        Map<String, ObjectNode> crds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                ObjectNode crd = Yaml.read(file);
                crds.put(crd.at("/spec/group").asText() + "/" + crd.at("/spec/names/kind").asText(), crd);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GeneratedCrds(crds);
    }

    Map<String, ObjectNode> all() {
        return byKind;
    }

    /** The CRD of an object's apiVersion and kind. */
    Optional<ObjectNode> forObject(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return Optional.ofNullable(byKind.get(group + "/" + object.path("kind").asText()));
    }

    ObjectNode crd(String group, String kind) {
        return Optional.ofNullable(byKind.get(group + "/" + kind))
                .orElseThrow(() -> new AssertionError("no CRD for " + group + "/" + kind + "; have " + byKind.keySet()));
    }

    static ObjectNode schema(JsonNode crd) {
        return (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema");
    }
}
