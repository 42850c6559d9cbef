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
                """));

        assertThat(result.problems()).isEmpty();
        assertThat(result.spec()).isEqualTo(new EchoSpec("arn:aws:sqs:us-east-1:123456789012:q"));
        assertThat(result.auth().iam().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/echo");
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
                """));

        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "spec.arnn: unknown field 'arnn'; known fields here: [arn]",
                "spec.colour: unknown field 'colour'; known fields here: [arn]",
                "spec.arn: spec.arn is required");
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
                """));

        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "spec.arn: is a list but must be text",
                "spec.extra: unknown field 'extra'; known fields here: [arn]");
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

    private static ObjectNode object(String yaml) throws Exception {
        return (ObjectNode) YAML.readTree(yaml);
    }
}
