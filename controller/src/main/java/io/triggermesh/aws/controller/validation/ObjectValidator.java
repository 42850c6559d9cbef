package io.triggermesh.aws.controller.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.auth.validation.AuthParser;
import io.triggermesh.aws.auth.validation.ParsedAuth;
import io.triggermesh.aws.controller.plugins.LoadedKind;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks connector objects: metadata, {@code spec.auth} (auth-core), the typed spec, and the plugin's own rules.
 * Returns every problem at once, each with its JSON path and a fix-it message, never a secret value.
 */
public final class ObjectValidator {

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final String TRIGGERMESH_GROUP_SUFFIX = ".triggermesh.io";

    private final PluginRegistry registry;
    private final ObjectMapper mapper;

    public ObjectValidator(PluginRegistry registry) {
        this.registry = registry;
        this.mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
            return new ValidatedObject(null, null, null, List.of(new Problem("kind", "no installed connector serves "
                    + object.path("apiVersion").asText() + " " + object.path("kind").asText()
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
            return new ValidatedObject(kind.get(), null, null, problems);
        }
        ParsedAuth auth = AuthParser.parseObject(object);
        problems.addAll(auth.problems());
        Object typed = readSpec(kind.get(), (ObjectNode) spec, problems);
        if (typed != null) {
            problems.addAll(pluginProblems(kind.get().kind(), typed));
        }
        return new ValidatedObject(kind.get(), typed, auth.auth(), problems);
    }

    private static List<Problem> metadataProblems(JsonNode object) {
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            return List.of(new Problem("metadata.name", "metadata.name is required"));
        }
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return List.of(new Problem("metadata.name", "'" + name + "' is not a valid name: use at most 253"
                    + " lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"));
        }
        return List.of();
    }

    /** The typed spec without {@code auth}: connectors never see credentials (see {@link ConnectorKind}). */
    private Object readSpec(LoadedKind kind, ObjectNode spec, List<Problem> problems) {
        ObjectNode withoutAuth = spec.deepCopy();
        withoutAuth.remove("auth");
        try {
            return mapper.treeToValue(withoutAuth, kind.descriptor().specType());
        } catch (UnrecognizedPropertyException e) {
            problems.add(new Problem(path(e), "unknown field '" + e.getPropertyName() + "'; known fields here: "
                    + e.getKnownPropertyIds()));
        } catch (JsonMappingException e) {
            problems.add(new Problem(path(e), "cannot read this field: " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            problems.add(new Problem("spec", "cannot read spec: " + e.getOriginalMessage()));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <S> List<Problem> pluginProblems(ConnectorKind<S> kind, Object spec) {
        return kind.validate((S) spec);
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

    private static String group(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
