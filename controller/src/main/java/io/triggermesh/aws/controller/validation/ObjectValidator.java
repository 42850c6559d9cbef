package io.triggermesh.aws.controller.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.auth.validation.AuthParser;
import io.triggermesh.aws.auth.validation.AuthValidator;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.Arn;
import io.triggermesh.aws.spi.api.Dns1123;
import io.triggermesh.aws.spi.api.Shown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks connector objects: metadata, the fields every kind shares ({@code auth}, {@code sink} of sources,
 * {@code adapterOverrides}: the controller's, for every kind), the kind's own fields, and the plugin's own rules.
 * Everything in {@code spec} is read by one {@link SpecReader}. Returns every problem at once, each with its JSON
 * path and a fix-it message, never a secret value.
 */
public final class ObjectValidator {

    private static final String TRIGGERMESH_GROUP_SUFFIX = ".triggermesh.io";

    private static final Logger LOG = LoggerFactory.getLogger(ObjectValidator.class);

    private final PluginRegistry registry;
    private final SpecReader reader = new SpecReader();

    public ObjectValidator(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Whether an object belongs to a TriggerMesh API group (served or not). */
    public static boolean isTriggerMeshObject(JsonNode object) {
        return group(object).endsWith(TRIGGERMESH_GROUP_SUFFIX);
    }

    /** The kind serving this object, if a plugin declares it. */
    public Optional<LoadedKind> kindOf(JsonNode object) {
        return registry.find(group(object), object.path("kind").asText(""));
    }

    public ValidatedObject validate(ObjectNode object) {
        Optional<LoadedKind> kind = kindOf(object);
        if (kind.isEmpty()) {
            return new ValidatedObject(null, null, null, null, null, List.of(new Problem("kind", "no installed connector serves "
                    + Shown.quoted(object.path("apiVersion").asText()) + " "
                    + Shown.quoted(object.path("kind").asText())
                    + "; installed kinds: " + registry.kinds().stream().map(LoadedKind::key).toList())));
        }
        List<Problem> problems = new ArrayList<>(metadataProblems(object));
        String expectedApiVersion = kind.get().descriptor().apiVersion();
        if (!expectedApiVersion.equals(object.path("apiVersion").asText())) {
            problems.add(new Problem("apiVersion", "must be " + expectedApiVersion));
        }
        JsonNode spec = object.get("spec");
        if (spec == null || !spec.isObject()) {
            problems.add(new Problem("spec", "spec is required and must be an object"));
            return new ValidatedObject(kind.get(), null, null, null, null, problems);
        }
        SpecReader.Result read = reader.read((ObjectNode) spec, kind.get().descriptor());
        problems.addAll(read.problems());
        if (read.spec() != null) {
            problems.addAll(pluginProblems(kind.get(), read.spec(), read));
        }
        if (read.auth() != null) {
            problems.addAll(AuthValidator.partitionProblems(read.auth(), AuthParser.SPEC_AUTH, resourceArns(spec)));
        }
        return new ValidatedObject(kind.get(), read.spec(), read.auth(), read.sink(), read.overrides(), problems);
    }

    private static List<Problem> metadataProblems(JsonNode object) {
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            return List.of(new Problem("metadata.name", "metadata.name is required"));
        }
        if (!Dns1123.isSubdomain(name)) {
            return List.of(new Problem("metadata.name", Shown.quoted(name) + " is not a valid name: use at most " + Dns1123.MAX_SUBDOMAIN_LENGTH
                    + " lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"));
        }
        return List.of();
    }

    /**
     * The plugin's problems, except those about a field already reported as unreadable or misspelled (it was read as
     * absent, so the plugin would only add "is required" to it).
     */
    private static List<Problem> pluginProblems(LoadedKind kind, Object spec, SpecReader.Result read) {
        List<Problem> found;
        try {
            found = checkedByPlugin(kind.kind(), spec);
        } catch (RuntimeException e) {
            LOG.warn("the checks of kind {} failed on a spec", kind.key(), e);
            return List.of(new Problem("spec", "the connector could not check this spec ("
                    + e.getClass().getSimpleName() + "); fix the other problems reported, or report this"));
        }
        return found.stream().filter(p -> !read.isSettled(p.path())).toList();
    }

    @SuppressWarnings("unchecked")
    private static <S> List<Problem> checkedByPlugin(ConnectorKind<S> kind, Object spec) {
        return kind.validate((S) spec);
    }

    /**
     * Every ARN in the spec outside {@code auth}, by path: the resources the object's identity acts on, which must
     * be in the identity's partition.
     */
    private static Map<String, Arn> resourceArns(JsonNode spec) {
        Map<String, Arn> arns = new LinkedHashMap<>();
        collectArns(spec, "spec", arns);
        return arns;
    }

    private static void collectArns(JsonNode node, String path, Map<String, Arn> arns) {
        if (node.isTextual()) {
            Arn.parse(node.asText()).ifPresent(arn -> arns.put(path, arn));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectArns(node.get(i), path + "[" + i + "]", arns);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!(path.equals("spec") && field.getKey().equals("auth"))) {
                    collectArns(field.getValue(), path + "." + field.getKey(), arns);
                }
            });
        }
    }

    private static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
