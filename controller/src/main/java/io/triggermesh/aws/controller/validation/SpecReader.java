package io.triggermesh.aws.controller.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.SharedSpec;
import io.triggermesh.aws.auth.validation.AuthParser;
import io.triggermesh.aws.auth.validation.ParsedAuth;
import io.triggermesh.aws.controller.json.Mappers;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.SharedSpecFields;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.DidYouMean;
import io.triggermesh.aws.spi.api.Shown;
import io.triggermesh.aws.spi.api.Sink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
        BindingProblems handler = new BindingProblems(problems, settled, spec, sharedNames);
        try {
            T typed = Mappers.JSON.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .withHandler(handler).treeToValue(node, type);
            return new Bound<>(typed, true);
        } catch (UnrecognizedPropertyException e) {
            handler.unknown(path(e), e.getPropertyName(), e.getKnownPropertyIds(), false);
        } catch (JsonMappingException e) {
            problems.add(new Problem(path(e), "cannot read this field: " + Shown.escaped(e.getOriginalMessage())));
            settled.add(path(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(new Problem(SPEC, "cannot read spec: " + Shown.escaped(e.getMessage())));
            settled.add(SPEC);
        }
        return new Bound<>(null, false);
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
