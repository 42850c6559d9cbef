package io.triggermesh.aws.testkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triggermesh.aws.crds.CrdGenerator;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.spi.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The checks behind the contract tests that call a plugin's own hooks, as plain functions returning one message per
 * broken rule (so that the kit's own tests can assert on the messages authors see).
 */
final class ContractChecks {

    static final Pattern ARN_OR_STAR =
            Pattern.compile("^(\\*|arn:(\\*|aws|aws-cn|aws-us-gov):[a-z0-9-]+:[^:]*:[^:]*:.+)$");

    /** How the controller binds a spec: a field the type lacks is an error. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** How a spec is written back for the round trip: absent (null) fields are left out, as a user leaves them out. */
    private static final ObjectMapper WRITER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ContractChecks() {
    }

    /** The object the sample stands for, as the controller hands it to the hooks. */
    static <S> ObjectContext<S> sampleObject(KindDescriptor<S> kind, Object spec, Map<String, String> status) {
        return new ObjectContext<>(kind.kind(), "contract", "sample", "uid-contract-sample", 1,
                kind.specType().cast(spec), status);
    }

    /** {@link #workloadProblems(ConnectorKind, ObjectContext)} for the sample object. */
    static <S> List<String> workloadProblems(ConnectorKind<S> kind, Object spec, Map<String, String> status) {
        return workloadProblems(kind, sampleObject(kind.descriptor(), spec, status));
    }

    /** {@link #permissionProblems(ConnectorKind, ObjectContext)} for the sample object. */
    static <S> List<String> permissionProblems(ConnectorKind<S> kind, Object spec, Map<String, String> status) {
        return permissionProblems(kind, sampleObject(kind.descriptor(), spec, status));
    }

    /** adapter() is deterministic and its workload follows {@link WorkloadRules}. */
    static <S> List<String> workloadProblems(ConnectorKind<S> kind, ObjectContext<S> object) {
        KindDescriptor<S> d = kind.descriptor();
        List<String> problems = new ArrayList<>();
        AdapterWorkload first = call(d, "adapter()", () -> kind.adapter(object), problems);
        AdapterWorkload second = call(d, "adapter()", () -> kind.adapter(object), problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!first.equals(second)) {
            problems.add(d.kind() + ": adapter() returned two different workloads for the same object (" + first.env()
                    + " then " + second.env() + "); it must be deterministic, or every pass rewrites the Deployment");
        }
        problems.addAll(WorkloadRules.problems(d, first));
        return problems;
    }

    /** permissionValues() fills the placeholders of the object's own permissions into valid, non-secret ARNs. */
    static <S> List<String> permissionProblems(ConnectorKind<S> kind, ObjectContext<S> object) {
        KindDescriptor<S> d = kind.descriptor();
        List<String> problems = new ArrayList<>();
        Map<String, String> values = call(d, "permissionValues()", () -> kind.permissionValues(object), problems);
        List<IamPermission> adapter = call(d, "adapterPermissions()", () -> kind.adapterPermissions(object), problems);
        List<IamPermission> controller =
                call(d, "controllerPermissions()", () -> kind.controllerPermissions(object), problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        values.forEach((name, value) -> {
            if (value != null && value.contains(ConnectorContractTest.CANARY)) {
                problems.add(d.kind() + ": permissionValues() puts the sample's sensitive field (the canary) into"
                        + " placeholder ${" + name + "}; policies are printed and logged, never put secrets there");
            }
        });
        if (adapter.isEmpty()) {
            problems.add(d.kind() + ": adapterPermissions() is empty for the sample object; the adapter needs at"
                    + " least one statement (users get their policy from it)");
        }
        resourceProblems(d, "adapterPermissions()", adapter, values, problems);
        resourceProblems(d, "controllerPermissions()", controller, values, problems);
        return problems;
    }

    private static void resourceProblems(KindDescriptor<?> d, String hook, List<IamPermission> permissions,
                                         Map<String, String> values, List<String> problems) {
        for (IamPermission permission : permissions) {
            for (String resource : permission.resolve(values).resources()) {
                if (!ARN_OR_STAR.matcher(resource).matches()) {
                    problems.add(d.kind() + ": " + hook + " statement " + permission.sid() + " resolves to resource '"
                            + resource + "' for the sample object with permissionValues() " + values.keySet()
                            + "; it must be * or arn:partition:service:region:account:resource");
                }
            }
        }
    }

    /** The CRD generator describes every kind of the plugin, under the names of its descriptor. */
    static List<String> crdProblems(ConnectorPlugin plugin) {
        List<String> problems = new ArrayList<>();
        SortedMap<String, String> files;
        try {
            files = new CrdGenerator().generate(List.of(plugin));
        } catch (RuntimeException e) {
            problems.add("plugin " + plugin.name() + ": the CRD generator cannot describe it: " + e.getMessage());
            return problems;
        }
        for (ConnectorKind<?> kind : plugin.kinds()) {
            KindDescriptor<?> d = kind.descriptor();
            String file = d.group() + "_" + d.plural() + ".yaml";
            String yaml = files.get(file);
            if (yaml == null) {
                problems.add(d.kind() + ": the CRD generator wrote no " + file + " (it wrote " + files.keySet() + ")");
                continue;
            }
            JsonNode crd = Manifests.read(yaml);
            JsonNode spec = crd.path("spec");
            if (!d.kind().equals(spec.path("names").path("kind").asText())
                    || !d.group().equals(spec.path("group").asText())
                    || !d.version().equals(spec.path("versions").path(0).path("name").asText())) {
                problems.add(d.kind() + ": the generated CRD " + file + " does not name " + d.apiVersion() + " "
                        + d.kind());
            }
            JsonNode properties = spec.path("versions").path(0).path("schema").path("openAPIV3Schema")
                    .path("properties").path("spec").path("properties");
            for (String field : Manifests.jsonProperties(d.specType())) {
                if (!properties.has(field)) {
                    problems.add(d.kind() + ": the generated CRD has no schema for spec." + field);
                }
            }
        }
        return problems;
    }

    /**
     * The example manifest is an object of this kind whose spec, without the fields the controller owns, binds to
     * the spec type as strictly as the controller binds it, passes validate(), and reads back unchanged.
     */
    static <S> List<String> manifestProblems(ConnectorKind<S> kind, JsonNode manifest) {
        KindDescriptor<S> d = kind.descriptor();
        List<String> problems = new ArrayList<>();
        String apiVersion = manifest.path("apiVersion").asText();
        String manifestKind = manifest.path("kind").asText();
        if (!d.apiVersion().equals(apiVersion) || !d.kind().equals(manifestKind)) {
            problems.add(d.kind() + ": the example manifest is '" + apiVersion + " " + manifestKind + "', not '"
                    + d.apiVersion() + " " + d.kind() + "'");
            return problems;
        }
        if (!manifest.path("spec").isObject()) {
            problems.add(d.kind() + ": the example manifest has no spec object");
            return problems;
        }
        ObjectNode own = SpecShapes.ownFields(manifest.get("spec"), d.role());
        S spec;
        try {
            spec = STRICT.treeToValue(own, d.specType());
        } catch (Exception e) {
            problems.add(d.kind() + ": the example manifest's spec does not bind to " + d.specType().getSimpleName()
                    + " as the controller binds it: " + firstLine(e.getMessage()));
            return problems;
        }
        List<Problem> invalid = call(d, "validate()", () -> kind.validate(spec), problems);
        if (invalid != null && !invalid.isEmpty()) {
            problems.add(d.kind() + ": validate() finds problems in the example manifest: " + invalid);
        }
        JsonNode back = WRITER.valueToTree(spec);
        if (!back.equals(own)) {
            problems.add(d.kind() + ": the example manifest's spec does not survive a round trip through "
                    + d.specType().getSimpleName() + ": written " + own + ", read back as " + back + "; every field"
                    + " a user writes must be kept as written (check @JsonProperty names and @JsonInclude)");
        }
        return problems;
    }

    private static <T> T call(KindDescriptor<?> d, String hook, Supplier<T> call, List<String> problems) {
        try {
            T value = call.get();
            if (value == null) {
                problems.add(d.kind() + ": " + hook + " returned null for the sample object");
            }
            return value;
        } catch (RuntimeException e) {
            problems.add(d.kind() + ": " + hook + " threw " + e + " for the sample object; hooks must accept any"
                    + " valid object (the controller removes spec.auth, spec.sink and spec.adapterOverrides first)");
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
