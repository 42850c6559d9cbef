package io.triggermesh.aws.auth.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/** YAML in tests, because that is how users write manifests (and how YAML turns digits into numbers). */
final class Yaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static JsonNode read(String yaml) {
        try {
            return MAPPER.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code yaml} as the content of {@code spec.auth}. */
    static ParsedAuth parseAuth(String yaml) {
        return AuthParser.parse(read(yaml), AuthParser.SPEC_AUTH);
    }
}
