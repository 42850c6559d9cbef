package io.triggermesh.aws.crds;

import static io.triggermesh.aws.crds.Manifests.S3_SOURCE;
import static io.triggermesh.aws.crds.Manifests.S3_TARGET;
import static io.triggermesh.aws.crds.Manifests.SQS_SOURCE;
import static io.triggermesh.aws.crds.Manifests.SQS_TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What admission refuses: each row breaks one valid object in one way and names the check that must catch it and
 * a fragment of its message ({@code schema:} the OpenAPI schema, {@code cel:} a CEL rule, {@code fields:} strict
 * field validation).
 */
class InvalidManifestsAreRejectedTest {

    private static final Admission ADMISSION = new Admission(GeneratedCrds.committed());

    static Stream<Arguments> invalid() {
        return Stream.of(
                row("auth with both credentials and iam", S3_TARGET, "/spec/auth/credentials",
                        "{accessKeyID: {value: a}, secretAccessKey: {value: b}}",
                        "cel: spec.auth: set exactly one of credentials or iam", "schema: /spec/auth"),
                row("empty auth", S3_TARGET, "/spec/auth", "{}",
                        "cel: spec.auth: set exactly one of credentials or iam", "schema: /spec/auth"),
                row("no auth", S3_TARGET, "/spec/auth", null, "schema: /spec", "auth"),
                row("no spec", S3_TARGET, "/spec", null, "schema:", "spec"),
                row("value and valueFromSecret", SQS_TARGET, "/spec/auth/credentials/accessKeyID",
                        "{value: AKIAIOSFODNN7EXAMPLE, valueFromSecret: {name: aws, key: id}}",
                        "cel: spec.auth.credentials.accessKeyID: set exactly one of value or valueFromSecret"),
                row("credential value neither literal nor from a Secret", SQS_TARGET,
                        "/spec/auth/credentials/secretAccessKey", "{}",
                        "cel: spec.auth.credentials.secretAccessKey: set exactly one of value or valueFromSecret"),
                row("empty literal value", SQS_TARGET, "/spec/auth/credentials/accessKeyID/value", "''",
                        "schema: /spec/auth/credentials/accessKeyID/value"),
                row("no access key id", S3_SOURCE, "/spec/auth/credentials/accessKeyID", null,
                        "schema: /spec/auth/credentials", "accessKeyID"),
                row("no secret access key", S3_SOURCE, "/spec/auth/credentials/secretAccessKey", null,
                        "schema: /spec/auth/credentials", "secretAccessKey"),
                row("Secret reference without key", S3_SOURCE, "/spec/auth/credentials/accessKeyID/valueFromSecret",
                        "{name: aws}", "schema: /spec/auth/credentials/accessKeyID/valueFromSecret", "key"),
                row("Secret name with capitals", S3_SOURCE,
                        "/spec/auth/credentials/accessKeyID/valueFromSecret/name", "AWS",
                        "schema: /spec/auth/credentials/accessKeyID/valueFromSecret/name"),
                row("Secret key with a space", S3_SOURCE,
                        "/spec/auth/credentials/accessKeyID/valueFromSecret/key", "'AWS KEY'",
                        "schema: /spec/auth/credentials/accessKeyID/valueFromSecret/key"),
                row("empty iam", S3_TARGET, "/spec/auth/iam", "{}",
                        "cel: spec.auth.iam: set roleArn, serviceAccount or both", "schema: /spec/auth/iam"),
                row("role ARN in another partition", S3_TARGET, "/spec/auth/iam/roleArn",
                        "arn:aws-eu:iam::123456789012:role/x", "schema: /spec/auth/iam/roleArn"),
                row("role ARN with a region", S3_TARGET, "/spec/auth/iam/roleArn",
                        "arn:aws:iam:us-east-1:123456789012:role/x", "schema: /spec/auth/iam/roleArn"),
                row("bucket ARN as role ARN", S3_TARGET, "/spec/auth/iam/roleArn", "arn:aws:s3:::test-bucket",
                        "schema: /spec/auth/iam/roleArn"),
                row("role name instead of role ARN", S3_TARGET, "/spec/auth/iam/roleArn", "aws-s3-target-role",
                        "schema: /spec/auth/iam/roleArn"),
                row("user ARN to assume", S3_SOURCE, "/spec/auth/credentials/assumeIamRole",
                        "arn:aws:iam::210987654321:user/alice", "schema: /spec/auth/credentials/assumeIamRole"),
                row("assume-role options without a role", S3_SOURCE, "/spec/auth/credentials/assumeIamRole", null,
                        "cel: spec.auth.credentials: assumeIamRoleOptions is set but assumeIamRole is not"),
                row("iam assume-role options without a role", S3_TARGET, "/spec/auth/iam/assumeIamRoleOptions",
                        "{sessionName: events}",
                        "cel: spec.auth.iam: assumeIamRoleOptions is set but assumeIamRole is not"),
                row("session shorter than 15 minutes", S3_SOURCE,
                        "/spec/auth/credentials/assumeIamRoleOptions/durationSeconds", "600",
                        "schema: /spec/auth/credentials/assumeIamRoleOptions/durationSeconds"),
                row("session longer than 12 hours", S3_SOURCE,
                        "/spec/auth/credentials/assumeIamRoleOptions/durationSeconds", "43201",
                        "schema: /spec/auth/credentials/assumeIamRoleOptions/durationSeconds"),
                row("duration as a string", S3_SOURCE,
                        "/spec/auth/credentials/assumeIamRoleOptions/durationSeconds", "'3600'",
                        "schema: /spec/auth/credentials/assumeIamRoleOptions/durationSeconds"),
                row("ExternalId with a space", S3_SOURCE,
                        "/spec/auth/credentials/assumeIamRoleOptions/externalId", "'a b'",
                        "schema: /spec/auth/credentials/assumeIamRoleOptions/externalId"),
                row("ServiceAccount name with capitals", S3_TARGET, "/spec/auth/iam/serviceAccount", "My-SA",
                        "schema: /spec/auth/iam/serviceAccount"),
                row("queue ARN where a bucket belongs", S3_TARGET, "/spec/arn",
                        "arn:aws:sqs:us-east-1:123456789012:orders", "schema: /spec/arn"),
                row("no bucket ARN", S3_TARGET, "/spec/arn", null, "schema: /spec", "arn"),
                row("unknown S3 event type", S3_SOURCE, "/spec/eventTypes/0", "s3:ObjectCreated:Everything",
                        "schema: /spec/eventTypes/0"),
                row("no event types", S3_SOURCE, "/spec/eventTypes", "[]", "schema: /spec/eventTypes"),
                row("source without a sink", S3_SOURCE, "/spec/sink", null, "schema: /spec", "sink"),
                row("sink with ref and uri", S3_SOURCE, "/spec/sink/uri", "http://display.events.svc",
                        "cel: spec.sink: set exactly one of ref or uri"),
                row("sink URI that is not http", SQS_SOURCE, "/spec/sink/uri", "ftp://display",
                        "schema: /spec/sink/uri"),
                row("sink ref without a name", S3_SOURCE, "/spec/sink/ref/name", null,
                        "schema: /spec/sink/ref", "name"),
                row("FIFO queue for S3 notifications", S3_SOURCE, "/spec/destination",
                        "{sqs: {queueARN: 'arn:aws:sqs:us-east-1:123456789012:q.fifo'}}",
                        "schema: /spec/destination/sqs/queueARN"),
                row("queue ARN without account", SQS_TARGET, "/spec/arn", "arn:aws:sqs:1234abcd:queue_name",
                        "schema: /spec/arn"),
                row("unknown message processor", SQS_SOURCE, "/spec/messageProcessor", "sqs",
                        "schema: /spec/messageProcessor"),
                row("queue owner account of 11 digits", SQS_SOURCE, "/spec/queueOwnerAccountId", "'12345678901'",
                        "schema: /spec/queueOwnerAccountId"),
                row("misspelt accessKeyId", SQS_TARGET, "/spec/auth/credentials/accessKeyId", "{value: x}",
                        "fields: spec.auth.credentials.accessKeyId: unknown field"),
                row("roleArn directly under auth", S3_TARGET, "/spec/auth/roleArn",
                        "arn:aws:iam::123456789012:role/x", "fields: spec.auth.roleArn: unknown field"),
                row("unknown spec field", SQS_SOURCE, "/spec/queueUrl", "https://sqs.example/q",
                        "fields: spec.queueUrl: unknown field"),
                row("toleration operator In", S3_TARGET, "/spec/adapterOverrides/tolerations",
                        "[{key: k, operator: In, value: v}]", "schema: /spec/adapterOverrides/tolerations/0/operator"),
                row("boolean public as a string", S3_TARGET, "/spec/adapterOverrides/public", "'yes'",
                        "schema: /spec/adapterOverrides/public"));
    }

    static Stream<Arguments> validVariants() {
        return Stream.of(
                Arguments.of("cpu as an integer", Manifests.edited(S3_TARGET,
                        "/spec/adapterOverrides/resources/requests/cpu", "1")),
                Arguments.of("iam with only a ServiceAccount", Manifests.edited(S3_TARGET, "/spec/auth/iam/roleArn",
                        null)),
                Arguments.of("iam then another role", Manifests.edited(S3_TARGET, "/spec/auth/iam/assumeIamRole",
                        "arn:aws:iam::210987654321:role/events-data")),
                Arguments.of("user-supplied queue", Manifests.edited(S3_SOURCE, "/spec/destination",
                        "{sqs: {queueARN: 'arn:aws:sqs:us-west-2:123456789012:my-queue'}}")),
                Arguments.of("bucket ARN with region and account", Manifests.edited(S3_SOURCE, "/spec/arn",
                        "arn:aws:s3:us-west-2:123456789012:my-bucket")),
                Arguments.of("SQS source with an endpoint", Manifests.edited(SQS_SOURCE, "/spec/endpoint",
                        "{url: 'http://elasticmq.default.svc:9324'}")),
                Arguments.of("toleration Exists", Manifests.edited(S3_TARGET, "/spec/adapterOverrides/tolerations",
                        "[{operator: Exists}]")),
                Arguments.of("the S3 source as written", Yaml.read(S3_SOURCE)),
                Arguments.of("the SQS source as written", Yaml.read(SQS_SOURCE)),
                Arguments.of("the SQS target as written", Yaml.read(SQS_TARGET)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidObjectIsRefused(String name, ObjectNode object, List<String> expected) {
        List<String> problems = ADMISSION.problems(object);
        assertThat(problems).as(name).isNotEmpty();
        String all = String.join("\n", problems);
        for (String fragment : expected) {
            assertThat(all).as(name + ": problems were\n" + all).contains(fragment);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validVariants")
    void validVariantIsAdmitted(String name, ObjectNode object) {
        assertThat(ADMISSION.problems(object)).as(name).isEmpty();
    }

    @Test
    void aRejectedLiteralCredentialIsNotEchoedByTheSchema() {
        // Admission errors quote the rejected value; the literal value field therefore has no pattern at all.
        ObjectNode object = Manifests.edited(SQS_TARGET, "/spec/auth/credentials/accessKeyID/value",
                "' AKIAIOSFODNN7EXAMPLE'");
        assertThat(String.join("\n", ADMISSION.problems(object))).doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    private static Arguments row(String name, String base, String pointer, String yaml, String... expected) {
        return Arguments.of(name, Manifests.edited(base, pointer, yaml), List.of(expected));
    }
}
