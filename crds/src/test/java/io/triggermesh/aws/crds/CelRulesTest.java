package io.triggermesh.aws.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CEL rules of the generated CRDs, evaluated with Google's CEL library (dev.cel), since the mock API server
 * evaluates none: each compiles, and each accepts and refuses what it should. The oneOf/anyOf equivalents are
 * checked by the schema validator in {@link InvalidManifestsAreRejectedTest}.
 */
class CelRulesTest {

    private final GeneratedCrds crds = GeneratedCrds.committed();

    @Test
    void everyRuleCompilesAndHoldsForTheValidObjects() {
        List<String> rules = new ArrayList<>();
        crds.all().values().forEach(crd -> collect(GeneratedCrds.schema(crd), rules));
        assertThat(rules).isNotEmpty();
        // Compiles, and evaluates to a boolean on an empty object (presence checks see nothing set).
        rules.forEach(rule -> CelRules.holds(rule, Yaml.read("{}")));
        for (String manifest : List.of(Manifests.S3_SOURCE, Manifests.S3_TARGET, Manifests.SQS_SOURCE,
                Manifests.SQS_TARGET)) {
            JsonNode object = Yaml.read(manifest);
            JsonNode crd = crds.forObject(object).orElseThrow();
            assertThat(CelRules.violations(GeneratedCrds.schema(crd), object)).isEmpty();
        }
    }

    @ParameterizedTest(name = "auth {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{credentials: {accessKeyID: {value: a}, secretAccessKey: {value: b}}} | true",
        "{iam: {roleArn: 'arn:aws:iam::123456789012:role/x'}}                 | true",
        "{credentials: {}, iam: {}}                                            | false",
        "{}                                                                    | false"})
    void authRuleHoldsForExactlyOneMode(String auth, boolean holds) {
        assertThat(CelRules.holds(ruleAt("/properties/spec/properties/auth", 0), Yaml.read(auth))).isEqualTo(holds);
    }

    @ParameterizedTest(name = "value source {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{value: AKIA}                                          | true",
        "{valueFromSecret: {name: aws, key: id}}                | true",
        "{value: AKIA, valueFromSecret: {name: aws, key: id}}   | false",
        "{}                                                     | false"})
    void valueSourceRuleHoldsForExactlyOneSource(String source, boolean holds) {
        String rule = ruleAt("/properties/spec/properties/auth/properties/credentials/properties/accessKeyID", 0);
        assertThat(CelRules.holds(rule, Yaml.read(source))).isEqualTo(holds);
    }

    @ParameterizedTest(name = "iam {0} -> {1}, {2}")
    @CsvSource(delimiter = '|', value = {
        "{roleArn: r}                                    | true  | true",
        "{serviceAccount: s}                             | true  | true",
        "{}                                              | false | true",
        "{roleArn: r, assumeIamRoleOptions: {}}          | true  | false",
        "{roleArn: r, assumeIamRole: a, assumeIamRoleOptions: {}} | true | true"})
    void iamRulesNeedARoleOrServiceAccountAndARoleForTheOptions(String iam, boolean identity, boolean options) {
        String path = "/properties/spec/properties/auth/properties/iam";
        assertThat(CelRules.holds(ruleAt(path, 0), Yaml.read(iam))).isEqualTo(identity);
        assertThat(CelRules.holds(ruleAt(path, 1), Yaml.read(iam))).isEqualTo(options);
    }

    @ParameterizedTest(name = "sink {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{uri: 'http://x'}                                         | true",
        "{ref: {apiVersion: v1, kind: Service, name: x}}           | true",
        "{uri: 'http://x', ref: {apiVersion: v1, kind: Service, name: x}} | false",
        "{}                                                        | false"})
    void sinkRuleHoldsForExactlyOneOfRefOrUri(String sink, boolean holds) {
        JsonNode schema = GeneratedCrds.schema(crds.crd("sources.triggermesh.io", "AWSSQSSource"));
        String rule = schema.at("/properties/spec/properties/sink/x-kubernetes-validations/0/rule").asText();
        assertThat(CelRules.holds(rule, Yaml.read(sink))).isEqualTo(holds);
    }

    private String ruleAt(String schemaPath, int index) {
        JsonNode schema = GeneratedCrds.schema(crds.crd("targets.triggermesh.io", "AWSS3Target"));
        String rule = schema.at(schemaPath + "/x-kubernetes-validations/" + index + "/rule").asText();
        assertThat(rule).as(schemaPath).isNotBlank();
        return rule;
    }

    private static void collect(JsonNode schema, List<String> rules) {
        schema.path("x-kubernetes-validations").forEach(v -> rules.add(v.path("rule").asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            collect(it.next().getValue(), rules);
        }
        if (schema.path("items").isObject()) {
            collect(schema.path("items"), rules);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(schema.path("additionalProperties"), rules);
        }
    }
}
