package io.triggermesh.aws.controller.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads Kubernetes manifests (multi-document YAML or JSON) from files and directories. */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** One document of a manifest file. */
    public record Document(Path file, int index, ObjectNode object) {

        public String kind() {
            return object.path("kind").asText("");
        }

        public String apiVersion() {
            return object.path("apiVersion").asText("");
        }

        public String name() {
            return object.path("metadata").path("name").asText("");
        }

        public String namespace() {
            return object.path("metadata").path("namespace").asText("default");
        }

        /** {@code file#index Kind/name}, for messages. */
        public String label() {
            return file + "#" + index + " " + kind() + "/" + (name().isEmpty() ? "<no name>" : name());
        }
    }

    /** Every document in the given files, and in the {@code .yaml}/{@code .yml}/{@code .json} files of directories. */
    public static List<Document> read(List<Path> paths) {
        List<Document> documents = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : expand(path)) {
                documents.addAll(readFile(file));
            }
        }
        return documents;
    }

    private static List<Path> expand(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    private static List<Document> readFile(Path file) {
        List<Document> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            int index = 0;
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); index++) {
                JsonNode node = it.next();
                if (node instanceof ObjectNode object) {
                    documents.add(new Document(file, index, object));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return documents;
    }
}
