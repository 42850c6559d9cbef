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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.SharedSpec;
import io.triggermesh.aws.auth.validation.AuthParser;
import io.triggermesh.aws.auth.validation.ParsedAuth;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.SharedSpecFields;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.DidYouMean;
import io.triggermesh.aws.spi.api.Shown;
import io.triggermesh.aws.spi.api.Sink;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one reader of a connector object's {@code spec}: the fields every kind shares ({@link SharedSpecFields}:
 * {@code auth}, {@code sink} of sources, {@code adapterOverrides}) and the kind's own fields, read in one pass that
 * reports every problem at once, each with its JSON path and a fix-it message, instead of stopping at the first.
 *
 * <ul>
 *   <li>{@code spec.auth} is read by auth-core's {@link AuthParser}, which knows the block's aliases, misplaced
 *       fields and which field names may be pasted credentials (never repeated);</li>
 *   <li>{@code sink} and {@code adapterOverrides} are bound to {@link SharedSpec} and checked with the SPI's rules,
 *       for every kind, so that no plugin can forget them (an IRSA Deployment never gets {@code AWS_*}
 *       overrides);</li>
 *   <li>the rest is bound to the kind's spec type, which declares only its own fields.</li>
 * </ul>
 *
 * Every field that cannot be bound (an unknown field, a value of the wrong type) becomes a problem and is read as
 * absent, so the rest still reaches the checks. An unknown field gets the same "did you mean" ({@link DidYouMean})
 * wherever it is, and a top-level one is compared with the shared fields too.
 */
final class SpecReader {

    private static final String SPEC = "spec";

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What a read produced.
     *
     * @param spec the kind's own part of the spec with unreadable fields left out, or {@code null} when nothing usable
     *     could be read
     * @param auth {@code spec.auth} as far as it could be read ({@code null} when missing or not an object)
     * @param sink {@code spec.sink} of a source ({@code null} when absent, unreadable, or the kind is a target)
     * @param overrides {@code spec.adapterOverrides} ({@code null} when absent or unreadable)
     * @param problems every problem of the shared fields and every field that could not be read into the spec type
     * @param settled paths under which later checks must not add problems: fields already reported as unreadable,
     *     and fields that are missing only because they were misspelled ("did you mean" said it)
     */
    record Result(Object spec, AwsAuth auth, Sink sink, AdapterOverrides overrides, List<Problem> problems,
                  Set<String> settled) {

        /** Whether {@code path} is at or under a field already reported. */
        boolean isSettled(String path) {
            return settled.stream().anyMatch(s -> path.equals(s) || path.startsWith(s + ".")
                    || path.startsWith(s + "["));
        }
    }

    Result read(ObjectNode spec, KindDescriptor<?> kind) {
        List<String> shared = SharedSpecFields.of(kind.role());
        List<Problem> problems = new ArrayList<>();
        Set<String> settled = new LinkedHashSet<>();

        ParsedAuth auth = AuthParser.parse(spec.get(SharedSpecFields.AUTH), SPEC + "." + SharedSpecFields.AUTH);

        ObjectNode sharedPart = spec.objectNode();
        ObjectNode ownPart = spec.deepCopy();
        for (String name : SharedSpecFields.ALL) {
            if (shared.contains(name)) {
                JsonNode value = ownPart.remove(name);
                if (value != null && !name.equals(SharedSpecFields.AUTH)) {
                    sharedPart.set(name, value);
                }
            }
        }
        Bound<?> sharedRead = bind(sharedPart, SharedSpec.typeOf(kind.role()), spec, List.of(), problems, settled);
        Sink sink = sharedRead.value() instanceof SharedSpec.Source source ? source.sink() : null;
        AdapterOverrides overrides = sharedRead.value() instanceof SharedSpec.Source source
                ? source.adapterOverrides()
                : sharedRead.value() instanceof SharedSpec.Target target ? target.adapterOverrides() : null;
        Bound<?> ownRead = bind(ownPart, kind.specType(), spec, shared, problems, settled);

        // auth first, as the object reads: the block every kind has.
        List<Problem> all = new ArrayList<>(auth.problems());
        all.addAll(problems);
        List<Problem> rules = new ArrayList<>();
        if (shared.contains(SharedSpecFields.SINK) && sharedRead.complete()) {
            rules.addAll(Sink.problemsOfRequired(sink, SPEC + "." + SharedSpecFields.SINK));
        }
        if (sharedRead.complete()) {
            rules.addAll(AdapterOverrides.problemsOf(overrides, SPEC + "." + SharedSpecFields.ADAPTER_OVERRIDES));
        }
        Result partial = new Result(null, null, null, null, List.of(), Set.copyOf(settled));
        rules.stream().filter(p -> !partial.isSettled(p.path())).forEach(all::add);
        return new Result(ownRead.value(), auth.auth(), sink, overrides, all, Set.copyOf(settled));
    }

    /**
     * A value bound from JSON.
     *
     * @param value what could be read, {@code null} when nothing could
     * @param complete whether the whole document was read (possibly with fields left out), so that checks can run
     */
    private record Bound<T>(T value, boolean complete) {
    }

    private <T> Bound<T> bind(ObjectNode node, Class<T> type, ObjectNode spec, List<String> sharedNames,
                              List<Problem> problems, Set<String> settled) {
        Collector collector = new Collector(problems, settled, spec, sharedNames);
        try {
            T typed = mapper.readerFor(type).withHandler(collector).treeToValue(node, type);
            return new Bound<>(typed, true);
        } catch (UnrecognizedPropertyException e) {
            collector.unknown(path(e), e.getPropertyName(), e.getKnownPropertyIds(), false);
        } catch (JsonMappingException e) {
            problems.add(new Problem(path(e), "cannot read this field: " + Shown.escaped(e.getOriginalMessage())));
            settled.add(path(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(new Problem(SPEC, "cannot read spec: " + Shown.escaped(e.getMessage())));
            settled.add(SPEC);
        }
        return new Bound<>(null, false);
    }

    /** Records each problem Jackson reports and lets it read the field as absent. */
    private static final class Collector extends DeserializationProblemHandler {

        private final List<Problem> problems;
        private final Set<String> settled;
        private final ObjectNode spec;
        private final List<String> sharedNames;

        Collector(List<Problem> problems, Set<String> settled, ObjectNode spec, List<String> sharedNames) {
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
            report(path(ctxt.getParser(), null), Shown.quoted(valueToConvert) + " is not "
                    + expected(ctxt.constructType(targetType)));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            report(path(ctxt.getParser(), null), Shown.quoted(valueToConvert) + " is not "
                    + expected(ctxt.constructType(targetType)));
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

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder(SPEC);
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
