package io.triggermesh.aws.crds.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart in charts/triggermesh-aws, rendered with the Helm Java binding (the native Helm library; no helm binary
 * is needed), and its output as objects.
 */
public final class Chart {

    public static final String RELEASE = "triggermesh-aws";
    public static final String NAMESPACE = "triggermesh";
    /** The oldest Kubernetes the CRDs fully work on (CEL validation rules are on by default from 1.25). */
    static final String KUBE_VERSION = "1.25.0";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Chart() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize()
                .resolve("charts/triggermesh-aws");
    }

    /** {@code helm lint --strict} of the chart as it is. */
    public static LintResult lint() {
        return new Helm(directory()).lint().strict().call();
    }

    /**
     * {@code helm lint --strict} of a copy of the chart whose values.yaml is replaced by {@code valuesYaml}
     * (helm-java's lint takes no --set values).
     */
    public static LintResult lintWithValues(String valuesYaml, Path workDir) {
        try {
            Path copy = workDir.resolve("triggermesh-aws");
            try (var files = java.nio.file.Files.walk(directory())) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(directory().relativize(source).toString());
                    if (java.nio.file.Files.isDirectory(source)) {
                        java.nio.file.Files.createDirectories(target);
                    } else {
                        java.nio.file.Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            java.nio.file.Files.writeString(copy.resolve("values.yaml"), valuesYaml);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CRDs Helm installs with the chart ({@code helm show crds}). */
    public static List<ObjectNode> crds() {
        return parse(new Helm(directory()).show().crds().call());
    }

    /** The objects {@code helm template} renders with {@code --set} values, CRDs included. */
    public static Rendered render(Map<String, Object> values) {
        return render(values, NAMESPACE);
    }

    public static Rendered render(Map<String, Object> values, String namespace) {
        TemplateCommand template = new Helm(directory()).template().withName(RELEASE).withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION);
        values.forEach(template::set);
        return new Rendered(parse(template.call()));
    }

    private static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    /** The rendered objects. */
    public record Rendered(List<ObjectNode> objects) {

        public List<ObjectNode> ofKind(String kind) {
            return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        }

        public Optional<ObjectNode> find(String kind, String name) {
            return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                    .filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst();
        }

        public ObjectNode get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in "
                    + objects.stream().map(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText())
                    .toList()));
        }

        public ObjectNode deployment() {
            return get("Deployment", "triggermesh-controller");
        }

        public JsonNode controllerContainer() {
            for (JsonNode container : deployment().at("/spec/template/spec/containers")) {
                if (container.path("name").asText().equals("controller")) {
                    return container;
                }
            }
            throw new AssertionError("no controller container");
        }

        /** The controller container's plain environment variables (those with a value). */
        public Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode var : controllerContainer().path("env")) {
                if (var.has("value")) {
                    env.put(var.path("name").asText(), var.path("value").asText());
                }
            }
            return env;
        }
    }
}
