package io.triggermesh.aws.auth.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.Shown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of JSON objects for one parse, collecting problems instead of throwing. Paths whose JSON
 * had the wrong type are remembered, so that the validator's findings about the placeholder left in the model
 * there are not reported a second time; so are fields that are missing only because they were misspelled, where
 * "did you mean" already says everything that "is required" would.
 */
final class JsonFieldReader {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final String authPath;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> brokenPaths = new HashSet<>();
    private final Set<String> misspelledPaths = new HashSet<>();

    JsonFieldReader(String authPath) {
        this.authPath = authPath;
    }

    List<Problem> problems() {
        return problems;
    }

    /** Whether a validator finding at {@code path} is about something this reader already reported as mistyped. */
    boolean isAlreadyReported(String path) {
        if (misspelledPaths.contains(path)) {
            return true;
        }
        for (String broken : brokenPaths) {
            if (path.equals(broken) || path.startsWith(broken + ".")) {
                return true;
            }
        }
        return false;
    }

    void report(String path, String message) {
        problems.add(new Problem(path, message));
    }

    void reportWrongType(String path, String message) {
        brokenPaths.add(path);
        report(path, message);
    }

    static String child(String path, String field) {
        return SIMPLE_NAME.matcher(field).matches() ? path + "." + field : path + "[\"" + field + "\"]";
    }

    /** The field's node, or {@code null} when it is absent or JSON null (Kubernetes treats both as unset). */
    static JsonNode field(JsonNode object, String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** Whether {@code node} is an object; reports {@code expectation} at {@code path} when it is not. */
    boolean requireObject(JsonNode node, String path, String expectation) {
        if (node.isObject()) {
            return true;
        }
        reportWrongType(path, "must be an object, not " + describe(node) + ": " + expectation);
        return false;
    }

    /**
     * A string field: {@code null} when absent; {@code ""} as a placeholder, with a problem, when it has another
     * type. The value itself is never repeated in a message.
     */
    String string(JsonNode object, String name, String path) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        String hint = node.isValueNode() ? " (in YAML, put quotes around it)" : "";
        reportWrongType(child(path, name), "must be a string, not " + describe(node) + hint);
        return "";
    }

    /** An integer field: {@code null} when absent or, with a problem, when it is not a whole number in range. */
    Integer integer(JsonNode object, String name, String path, String rangeText) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        String at = child(path, name);
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            reportWrongType(at, "is out of range: it must be " + rangeText);
        } else if (node.isTextual()) {
            reportWrongType(at, "must be a number, not a string: remove the quotes; it must be " + rangeText);
        } else {
            reportWrongType(at, "must be a whole number, not " + describe(node) + "; it must be " + rangeText);
        }
        return null;
    }

    /** Reports every field of {@code object} that {@code known} does not list, with a hint where one helps. */
    void rejectUnknownFields(JsonNode object, String path, KnownFields known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.names().contains(name)) {
                reportUnknown(object, name, path, known);
            }
        }
    }

    private void reportUnknown(JsonNode object, String name, String path, KnownFields known) {
        String allowed = "allowed fields: " + String.join(", ", known.names());
        Optional<String> suggestion = FieldSuggestions.suggest(name, known);
        if (suggestion.isPresent()) {
            if (!object.has(suggestion.get())) {
                misspelledPaths.add(child(path, suggestion.get()));
            }
            report(child(path, name), "unknown field " + Shown.quoted(name) + "; did you mean " + suggestion.get()
                    + "?");
            return;
        }
        String home = known.misplaced().get(name.toLowerCase(Locale.ROOT));
        if (home != null) {
            String where = home.replace("{auth}", authPath).replace("{here}", path);
            report(child(path, name), "unknown field " + Shown.quoted(name) + " here: it belongs under " + where);
            return;
        }
        if (known.namesMayBeSecret()) {
            // A credential pasted as `{AKIA...}` becomes a field name: neither path nor message may carry it.
            report(path, "has an unknown field (its name is not shown in case it is a credential); " + allowed);
            return;
        }
        report(child(path, name), "unknown field " + Shown.quoted(name) + "; " + allowed);
    }

    private static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY:
                return "a list";
            case BOOLEAN:
                return "a boolean";
            case NUMBER:
                return "a number";
            case STRING:
                return "a string";
            case OBJECT:
                return "an object";
            default:
                return node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }
}
