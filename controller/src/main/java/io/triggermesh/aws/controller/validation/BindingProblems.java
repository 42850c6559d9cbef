package io.triggermesh.aws.controller.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.DidYouMean;
import io.triggermesh.aws.spi.api.Shown;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link SpecReader} does with each field Jackson cannot bind: records it as a problem at its JSON path (an
 * unknown field with "did you mean", a value of the wrong type with what it must be) and lets Jackson read it as
 * absent, so that one pass finds every problem.
 */
final class BindingProblems extends DeserializationProblemHandler {

    private static final String SPEC = "spec";

    private final List<Problem> problems;
    private final Set<String> settled;
    private final ObjectNode spec;
    private final List<String> sharedNames;

    BindingProblems(List<Problem> problems, Set<String> settled, ObjectNode spec, List<String> sharedNames) {
        this.problems = problems;
        this.settled = settled;
        this.spec = spec;
        this.sharedNames = sharedNames;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                         JsonDeserializer<?> deserializer, Object beanOrClass,
                                         String propertyName) throws IOException {
        String path = path(p, propertyName);
        unknown(path, propertyName, deserializer.getKnownPropertyNames(), path.equals(SPEC + "." + propertyName));
        p.skipChildren();
        return true;
    }

    /** An unknown field: "did you mean" when a known one is close, else the list of known fields. */
    void unknown(String path, String name, Collection<Object> known, boolean topLevel) {
        Set<String> names = new TreeSet<>();
        if (known != null) {
            known.forEach(k -> names.add(String.valueOf(k)));
        }
        if (topLevel) {
            names.addAll(sharedNames);
        }
        settled.add(path);
        Optional<String> meant = DidYouMean.suggest(name, names);
        if (meant.isPresent()) {
            String meantPath = path.substring(0, path.length() - name.length()) + meant.get();
            if (!isPresent(meantPath)) {
                settled.add(meantPath);  // "is required" there would only repeat what this says
            }
            problems.add(new Problem(path, "unknown field " + Shown.quoted(name) + "; did you mean "
                    + meant.get() + "?"));
            return;
        }
        problems.add(new Problem(path, "unknown field " + Shown.quoted(name) + "; known fields here: "
                + new ArrayList<>(names)));
    }

    /** Whether the document has a value at {@code path} ({@code spec.a.b[2].c}). */
    private boolean isPresent(String path) {
        JsonNode node = spec;
        for (String part : path.substring(SPEC.length()).split("(?=[.\\[])")) {
            if (part.isEmpty()) {
                continue;
            }
            node = part.startsWith("[")
                    ? node.path(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : node.path(part.substring(1));
        }
        return !node.isMissingNode() && !node.isNull();
    }

    private void report(String path, String message) {
        problems.add(new Problem(path, message));
        settled.add(path);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                                        JsonParser p, String failureMsg) throws IOException {
        report(path(p, null), "is " + describe(t) + " but must be " + expected(targetType));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator valueInsta, JsonParser p, String msg)
            throws IOException {
        report(path(p, null), "is " + describe(p.currentToken()) + " but must be "
                + expected(ctxt.constructType(instClass)));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        return notConvertible(ctxt, targetType, valueToConvert);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        return notConvertible(ctxt, targetType, valueToConvert);
    }

    /** A scalar of the right JSON type that does not convert (a string or a number alike): one message. */
    private Object notConvertible(DeserializationContext ctxt, Class<?> targetType, Object value) {
        report(path(ctxt.getParser(), null),
                Shown.quoted(value) + " is not " + expected(ctxt.constructType(targetType)));
        return null;
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
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
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
        StringBuilder path = new StringBuilder(SPEC);
        parts.forEach(path::append);
        if (field != null) {
            path.append('.').append(field);
        }
        return path.toString();
    }
}
