package io.triggermesh.aws.controller.validation;

import static io.triggermesh.aws.controller.plugins.TestPlugins.echoKind;
import static io.triggermesh.aws.controller.plugins.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.plugins.TestPlugins.EchoSpec;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.SpiVersion;
import io.triggermesh.aws.spi.api.Sink;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectValidatorTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final ObjectValidator validator = new ObjectValidator(PluginRegistry.of(
            List.of(plugin("echo", SpiVersion.CURRENT, echoKind("AWSEchoSource"))), Set.of()));

    @Test
    void validObjectYieldsTypedSpecAndAuth() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:q
                  auth:
                    iam: {roleArn: "arn:aws:iam::123456789012:role/echo"}
                  sink: {uri: "http://display.default.svc"}
                  adapterOverrides: {labels: {team: a}}
                """));

        assertThat(result.problems()).isEmpty();
        assertThat(result.spec()).isEqualTo(new EchoSpec("arn:aws:sqs:us-east-1:123456789012:q"));
        assertThat(result.auth().iam().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/echo");
        assertThat(result.sink()).isEqualTo(Sink.toUri("http://display.default.svc"));
        assertThat(result.overrides().labels()).containsEntry("team", "a");
    }

    @Test
    void sharedFieldsAreCheckedForEveryKindEvenWhenThePluginChecksNothingButItsOwn() throws Exception {
        // The echo plugin's validate looks at arn only: sink and the overrides are the controller's to check.
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:q
                  auth: {iam: {roleArn: "arn:aws:iam::123456789012:role/echo"}}
                  adapterOverrides:
                    env: [{name: AWS_ACCESS_KEY_ID, value: x}]
                """));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).extracting(Problem::path)
                .containsExactlyInAnyOrder("spec.sink", "spec.adapterOverrides.env[0].name");
    }

    @Test
    void everyProblemOfTheObjectIsReportedAtOnceWhateverPartItIsIn() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arn: [not, text]
                  colour: red
                  auth:
                    iam: {roleARN: "arn:aws:iam::123456789012:role/echo"}
                  sink: {uri: "ftp://display.default.svc", ref: {apiVersion: v1, kind: Service, name: d}}
                  adapterOverrides:
                    env: [{name: AWS_SECRET_ACCESS_KEY, value: x}]
                    nodeSelektor: {disk: ssd}
                """));

        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "spec.auth.iam.roleARN: unknown field 'roleARN'; did you mean roleArn?",
                "spec.auth.iam: " + onlyMessageAt(result, "spec.auth.iam"),
                "spec.adapterOverrides.nodeSelektor: unknown field 'nodeSelektor'; did you mean nodeSelector?",
                "spec.arn: is a list but must be text",
                "spec.colour: unknown field 'colour'; known fields here: [adapterOverrides, arn, auth, sink]",
                "spec.sink: " + onlyMessageAt(result, "spec.sink"),
                "spec.sink.uri: " + onlyMessageAt(result, "spec.sink.uri"),
                "spec.adapterOverrides.env[0].name: " + onlyMessageAt(result, "spec.adapterOverrides.env[0].name"));
        assertThat(onlyMessageAt(result, "spec.auth.iam")).contains("set roleArn");
        assertThat(onlyMessageAt(result, "spec.sink")).contains("exactly one");
        assertThat(onlyMessageAt(result, "spec.sink.uri")).contains("http://");
        assertThat(onlyMessageAt(result, "spec.adapterOverrides.env[0].name")).contains("spec.auth");
    }

    @Test
    void aMisspelledSharedFieldGetsADidYouMeanAndNoSecondIsRequired() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:q
                  auth: {iam: {serviceAccount: echo}}
                  snk: {uri: "http://display.default.svc"}
                """));

        assertThat(result.problems()).extracting(Problem::toString)
                .containsExactly("spec.snk: unknown field 'snk'; did you mean sink?");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: Not_A_Name}
                spec:
                  auth:
                    credentials:
                      accessKeyID: {value: AKIDEXAMPLE}
                """));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).extracting(Problem::path)
                .contains("metadata.name", "spec.arn", "spec.auth.credentials.secretAccessKey");
    }

    @Test
    void unknownSpecFieldIsNamedWithItsPath() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:q
                  arnn: typo
                  auth: {iam: {serviceAccount: echo}}
                  sink: {uri: "http://display.default.svc"}
                """));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.arnn");
            assertThat(p.message()).contains("unknown field 'arnn'").contains("arn");
        });
    }

    @Test
    void anUnknownFieldDoesNotHideThePluginsChecks() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arnn: typo
                  colour: red
                  auth: {iam: {serviceAccount: echo}}
                  sink: {uri: "http://display.default.svc"}
                """));

        // arn is missing only because it was misspelled: "did you mean" says it, so "is required" does not repeat it.
        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "spec.arnn: unknown field 'arnn'; did you mean arn?",
                "spec.colour: unknown field 'colour'; known fields here: [adapterOverrides, arn, auth, sink]");
    }

    @Test
    void aValueOfTheWrongTypeIsOneProblemAtItsPathAndThePluginDoesNotRepeatIt() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arn: [a, b]
                  extra: 1
                  auth: {iam: {serviceAccount: echo}}
                  sink: {uri: "http://display.default.svc"}
                """));

        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "spec.arn: is a list but must be text",
                "spec.extra: unknown field 'extra'; known fields here: [adapterOverrides, arn, auth, sink]");
    }

    @Test
    void aScalarThatDoesNotConvertIsOneProblemSayingWhatTheFieldTakes() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:q
                  auth: {iam: {serviceAccount: echo}}
                  sink: {uri: "http://display.default.svc"}
                  adapterOverrides:
                    public: "yes"
                    tolerations: [{key: k, tolerationSeconds: soon}]
                """));

        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "spec.adapterOverrides.public: 'yes' is not true or false",
                "spec.adapterOverrides.tolerations[0].tolerationSeconds: 'soon' is not a whole number");
    }

    @Test
    void kindServedByNoPluginIsAProblemNotACrash() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSKinesisSource
                metadata: {name: k}
                spec: {}
                """));

        assertThat(result.kind()).isNull();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("AWSKinesisSource").contains("AWSEchoSource"));
    }

    @Test
    void literalSecretValuesNeverAppearInProblems() throws Exception {
        ValidatedObject result = validator.validate(object("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSEchoSource
                metadata: {name: echo}
                spec:
                  auth:
                    credentials:
                      accessKeyID: {value: CANARY-KEY-ID, valueFromSecret: {name: aws, key: id}}
                      secretAccessKey: {value: CANARY-SECRET}
                    iam: {roleArn: CANARY-ROLE}
                """));

        assertThat(result.problems()).isNotEmpty();
        assertThat(result.problems().toString()).doesNotContain("CANARY-KEY-ID").doesNotContain("CANARY-SECRET");
    }

    private static String onlyMessageAt(ValidatedObject result, String path) {
        List<Problem> at = result.problems().stream().filter(p -> p.path().equals(path)).toList();
        assertThat(at).as("problems at %s", path).hasSize(1);
        return at.get(0).message();
    }

    private static ObjectNode object(String yaml) throws Exception {
        return (ObjectNode) YAML.readTree(yaml);
    }
}
