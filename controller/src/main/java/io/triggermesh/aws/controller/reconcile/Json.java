package io.triggermesh.aws.controller.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggermesh.aws.controller.json.Mappers;

/**
 * The controller's JSON mapper ({@link Mappers#JSON}) and a normal form for comparing maps read from the API with
 * maps we built.
 */
final class Json {

    static final ObjectMapper MAPPER = Mappers.JSON;

    private Json() {
    }

    /**
     * A tree that compares equal for equal JSON: a round trip through text gives both sides the same number types,
     * and object equality ignores key order.
     */
    static JsonNode normalise(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + value.getClass().getName(), e);
        }
    }
}
