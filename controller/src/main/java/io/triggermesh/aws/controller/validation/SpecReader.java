package io.triggermesh.aws.controller.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.Shown;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Reads a spec into the kind's type in one pass that reports every field Jackson cannot read (an unknown field, a
 * value of the wrong type) instead of stopping at the first: each such field becomes a problem and is read as
 * absent, so that the rest of the spec still reaches the plugin's checks.
 */
final class SpecReader {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What a read produced.
     *
     * @param spec the spec with unreadable fields left out, or {@code null} when nothing usable could be read
     * @param problems one per field that could not be read, with its path from the object root
     */
    record Result(Object spec, List<Problem> problems) {
    }

    Result read(ObjectNode spec, Class<?> type) {
        List<Problem> problems = new ArrayList<>();
        try {
            Object typed = mapper.readerFor(type).withHandler(new Collector(problems)).treeToValue(spec, type);
            return new Result(typed, problems);
        } catch (UnrecognizedPropertyException e) {
            problems.add(unknownField(path(e), e.getPropertyName(), e.getKnownPropertyIds()));
        } catch (JsonMappingException e) {
            problems.add(new Problem(path(e), "cannot read this field: " + Shown.escaped(e.getOriginalMessage())));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(new Problem("spec", "cannot read spec: " + Shown.escaped(e.getMessage())));
        }
        return new Result(null, problems);
    }

    private static Problem unknownField(String path, String name, Collection<Object> known) {
        List<String> sorted = known == null ? List.of()
                : new ArrayList<>(new TreeSet<>(known.stream().map(String::valueOf).toList()));
        return new Problem(path, "unknown field " + Shown.quoted(name) + "; known fields here: " + sorted);
    }

    /** Records each problem Jackson reports and lets it read the field as absent. */
    private static final class Collector extends DeserializationProblemHandler {

        private final List<Problem> problems;

        Collector(List<Problem> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             JsonDeserializer<?> deserializer, Object beanOrClass,
                                             String propertyName) throws IOException {
            problems.add(unknownField(path(p, propertyName), propertyName, deserializer.getKnownPropertyNames()));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                                            JsonParser p, String failureMsg) throws IOException {
            problems.add(new Problem(path(p, null), "is " + describe(t) + " but must be " + expected(targetType)));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsta, JsonParser p, String msg)
                throws IOException {
            problems.add(new Problem(path(p, null), "is " + describe(p.currentToken()) + " but must be "
                    + expected(ctxt.constructType(instClass))));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            problems.add(new Problem(path(ctxt.getParser(), null), Shown.quoted(valueToConvert) + " is not "
                    + expected(ctxt.constructType(targetType))));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            problems.add(new Problem(path(ctxt.getParser(), null), Shown.quoted(valueToConvert) + " is not "
                    + expected(ctxt.constructType(targetType))));
            return null;
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "a " + token.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String expected(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return "text";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            boolean fraction = raw == Double.class || raw == double.class || raw == Float.class || raw == float.class;
            return fraction ? "a number" : "a whole number";
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list";
        }
        return "an object (key: value)";
    }

    /** {@code spec.a.b[2].c} for where {@code p} is, plus {@code field} when given. */
    private static String path(JsonParser p, String field) {
        JsonStreamContext context = p.getParsingContext();
        JsonToken token = p.currentToken();
        if (field == null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            // At the start of a value the context is already the value's own; its place is in the parent.
            context = context.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null && (c != context || field == null)) {
                parts.push("." + c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder("spec");
        parts.forEach(path::append);
        if (field != null) {
            path.append('.').append(field);
        }
        return path.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("spec");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
