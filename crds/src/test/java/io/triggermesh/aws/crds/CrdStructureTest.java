package io.triggermesh.aws.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.triggermesh.aws.auth.model.RoleArn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed CRDs are valid, structural, described, and carry what kubectl and the controller rely on. */
class CrdStructureTest {

    /** Keywords Kubernetes allows inside oneOf/anyOf/allOf/not of a structural schema (value validations only). */
    private static final Set<String> VALUE_VALIDATION_KEYWORDS = Set.of("required", "properties", "items", "enum",
            "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "format", "oneOf",
            "anyOf", "allOf", "not", "type");

    private final GeneratedCrds crds = GeneratedCrds.committed();

    @Test
    void everyCrdReadsAsAnApiextensionsV1CustomResourceDefinition() {
        assertThat(crds.all()).hasSize(4);
        crds.all().values().forEach(node -> {
            CustomResourceDefinition crd = Serialization.unmarshal(node.toString(), CustomResourceDefinition.class);
            assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
            assertThat(crd.getSpec().getVersions()).singleElement().satisfies(v -> {
                assertThat(v.getServed()).isTrue();
                assertThat(v.getStorage()).isTrue();
                assertThat(v.getSubresources().getStatus()).isNotNull();
            });
            assertThat(crd.getMetadata().getName())
                    .isEqualTo(crd.getSpec().getNames().getPlural() + "." + crd.getSpec().getGroup());
        });
    }

    @Test
    void schemasAreStructural() {
        crds.all().forEach((kind, crd) -> {
            List<String> problems = new ArrayList<>();
            structural(GeneratedCrds.schema(crd), "", problems);
            assertThat(problems).as(kind).isEmpty();
        });
    }

    @Test
    void everyFieldHasADescriptionExceptTheRootMetadataWhichKubernetesForbids() {
        crds.all().forEach((kind, crd) -> {
            List<String> undescribed = new ArrayList<>();
            described(GeneratedCrds.schema(crd), "", undescribed);
            assertThat(undescribed).as(kind).containsExactly("metadata");
        });
    }

    @Test
    void objectsHaveAStatusSubresourceThatKeepsWhateverTheControllerWrites() {
        crds.all().forEach((kind, crd) -> {
            assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).as(kind).isTrue();
            JsonNode status = GeneratedCrds.schema(crd).at("/properties/status");
            assertThat(status.path("type").asText()).isEqualTo("object");
            assertThat(status.path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
        });
    }

    @Test
    void printerColumnsShowReadyReasonSinkOrUrlAgeAndTheIdentityWhenWide() {
        crds.all().forEach((kind, crd) -> {
            List<String> names = new ArrayList<>();
            crd.at("/spec/versions/0/additionalPrinterColumns").forEach(c -> names.add(c.path("name").asText()));
            String third = kind.startsWith("sources.") ? "Sink" : "URL";
            assertThat(names).as(kind).containsExactly("Ready", "Reason", third, "Age", "Identity");
            JsonNode identity = crd.at("/spec/versions/0/additionalPrinterColumns/4");
            assertThat(identity.path("jsonPath").asText()).isEqualTo(".status.auth.identity");
            assertThat(identity.path("priority").asInt()).as("shown with -o wide only").isEqualTo(1);
        });
        JsonNode source = crds.crd("sources.triggermesh.io", "AWSS3Source").at("/spec/versions/0/additionalPrinterColumns");
        assertThat(source.get(0).path("jsonPath").asText()).isEqualTo(".status.conditions[?(@.type==\"Ready\")].status");
        assertThat(source.get(2).path("jsonPath").asText()).isEqualTo(".status.sinkUri");
        JsonNode target = crds.crd("targets.triggermesh.io", "AWSSQSTarget").at("/spec/versions/0/additionalPrinterColumns");
        assertThat(target.get(2).path("jsonPath").asText()).isEqualTo(".status.address.url");
        assertThat(target.get(3).path("type").asText()).isEqualTo("date");
    }

    @Test
    void everyKindIsInTheTriggermeshCategoryAndInSourcesOrTargets() {
        crds.all().forEach((kind, crd) -> {
            List<String> categories = new ArrayList<>();
            crd.at("/spec/names/categories").forEach(c -> categories.add(c.asText()));
            assertThat(categories).as(kind)
                    .containsExactly("triggermesh", kind.startsWith("sources.") ? "sources" : "targets");
        });
    }

    @Test
    void authHoldsExactlyOneOfCredentialsOrIamAsOneOfAndAsACelRule() {
        crds.all().forEach((kind, crd) -> {
            JsonNode auth = GeneratedCrds.schema(crd).at("/properties/spec/properties/auth");
            assertThat(auth.path("oneOf").toString()).as(kind)
                    .isEqualTo("[{\"required\":[\"credentials\"]},{\"required\":[\"iam\"]}]");
            assertThat(auth.at("/x-kubernetes-validations/0/rule").asText())
                    .isEqualTo("[has(self.credentials), has(self.iam)].exists_one(x, x)");
            assertThat(GeneratedCrds.schema(crd).at("/properties/spec/required").toString()).contains("\"auth\"");
        });
    }

    @Test
    void roleArnFieldsUseExactlyThePatternOfTheOriginalApi() {
        crds.all().forEach((kind, crd) -> {
            JsonNode auth = GeneratedCrds.schema(crd).at("/properties/spec/properties/auth/properties");
            assertThat(auth.at("/iam/properties/roleArn/pattern").asText()).as(kind).isEqualTo(RoleArn.PATTERN);
            assertThat(auth.at("/iam/properties/assumeIamRole/pattern").asText()).isEqualTo(RoleArn.PATTERN);
            assertThat(auth.at("/credentials/properties/assumeIamRole/pattern").asText()).isEqualTo(RoleArn.PATTERN);
        });
    }

    @Test
    void literalCredentialValuesAreMarkedAsPasswords() {
        crds.all().forEach((kind, crd) -> {
            JsonNode credentials = GeneratedCrds.schema(crd).at("/properties/spec/properties/auth/properties"
                    + "/credentials/properties");
            for (String field : List.of("accessKeyID", "secretAccessKey", "sessionToken")) {
                assertThat(credentials.at("/" + field + "/properties/value/format").asText()).as(kind + " " + field)
                        .isEqualTo("password");
            }
        });
    }

    @Test
    void sourcesAreLabelledForKnativeAndListTheEventTypesTheyEmit() {
        ObjectNode source = crds.crd("sources.triggermesh.io", "AWSS3Source");
        assertThat(source.at("/metadata/labels/duck.knative.dev~1source").asText()).isEqualTo("true");
        assertThat(source.at("/metadata/annotations/registry.knative.dev~1eventTypes").asText())
                .contains("com.amazon.s3.objectcreated");
        assertThat(source.at("/metadata/labels/triggermesh.io~1plugin").asText()).isEqualTo("s3");
        assertThat(crds.crd("targets.triggermesh.io", "AWSSQSTarget").at("/metadata/labels/triggermesh.io~1plugin")
                .asText()).isEqualTo("sqs");
    }

    private static void structural(JsonNode schema, String path, List<String> problems) {
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (!schema.has("type") && !intOrString && !preserve) {
            problems.add(path + ": no type");
        }
        if (schema.has("$ref")) {
            problems.add(path + ": $ref");
        }
        if (schema.has("properties") && schema.has("additionalProperties")) {
            problems.add(path + ": both properties and additionalProperties");
        }
        for (String junction : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode alternative : schema.path(junction)) {
                valueValidationOnly(alternative, path + "." + junction, problems, intOrString);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            structural(property.getValue(), path + "." + property.getKey(), problems);
        }
        if (schema.has("items")) {
            structural(schema.path("items"), path + "[]", problems);
        }
        if (schema.path("additionalProperties").isObject()) {
            structural(schema.path("additionalProperties"), path + ".*", problems);
        }
    }

    private static void valueValidationOnly(JsonNode alternative, String path, List<String> problems,
                                            boolean intOrString) {
        alternative.fieldNames().forEachRemaining(keyword -> {
            // The one exception: int-or-string spells its two types out in anyOf.
            boolean allowedType = keyword.equals("type") && intOrString;
            if (!VALUE_VALIDATION_KEYWORDS.contains(keyword) || (keyword.equals("type") && !allowedType)) {
                problems.add(path + ": " + keyword + " is not a value validation");
            }
        });
    }

    private static void described(JsonNode schema, String path, List<String> undescribed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String at = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            if (property.getValue().path("description").asText("").isBlank()) {
                undescribed.add(at);
            }
            described(property.getValue(), at, undescribed);
        }
        if (schema.path("items").isObject()) {
            described(schema.path("items"), path + "[]", undescribed);
        }
        if (schema.path("additionalProperties").isObject()) {
            described(schema.path("additionalProperties"), path + ".*", undescribed);
        }
    }
}
