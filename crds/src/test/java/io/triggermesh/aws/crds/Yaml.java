package io.triggermesh.aws.crds;

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

/** YAML reading for tests: single documents, multi-document streams (helm template output), files. */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static ObjectNode read(String yaml) {
        try {
            return (ObjectNode) MAPPER.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a multi-document stream. */
    static List<ObjectNode> readAll(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) MAPPER.getFactory().createParser(yaml)) {
            var values = MAPPER.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node instanceof ObjectNode object && !object.isEmpty()) {
                    documents.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<ObjectNode> readAll(Path file) {
        try {
            return readAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
