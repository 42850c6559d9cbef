package io.triggermesh.aws.auth.validation;

import static io.triggermesh.aws.auth.validation.Yaml.parseAuth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthParserTest {

    @Test
    void readsEveryFieldOfTheModel() {
        ParsedAuth parsed = parseAuth("""
                credentials:
                  accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                  secretAccessKey: {value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}
                  sessionToken: {valueFromSecret: {name: aws, key: AWS_SESSION_TOKEN}}
                  assumeIamRole: arn:aws:iam::210987654321:role/cross
                  assumeIamRoleOptions: {externalId: ext-1, sessionName: tm-session, durationSeconds: 1800}
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.auth()).isEqualTo(AwsAuth.ofCredentials(new Credentials(
                ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"),
                ValueSource.literal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN"),
                "arn:aws:iam::210987654321:role/cross",
                new AssumeRoleOptions("ext-1", "tm-session", 1800))));

        ParsedAuth iam = parseAuth("""
                iam:
                  roleArn: arn:aws:iam::123456789012:role/irsa
                  serviceAccount: shared
                  assumeIamRole: arn:aws:iam::210987654321:role/cross
                  assumeIamRoleOptions: {durationSeconds: 900}
                """);
        assertThat(iam.problems()).isEmpty();
        assertThat(iam.auth()).isEqualTo(AwsAuth.ofIam(new Iam("arn:aws:iam::123456789012:role/irsa", "shared",
                "arn:aws:iam::210987654321:role/cross", new AssumeRoleOptions(null, null, 900))));
    }

    @Test
    void missingAuthBlockIsRequired() {
        Problem required = new Problem("spec.auth", "spec.auth is required: set credentials or iam");
        assertThat(AuthParser.parse(null, "spec.auth").problems()).containsExactly(required);
        assertThat(AuthParser.parse(NullNode.getInstance(), "spec.auth").problems()).containsExactly(required);
        assertThat(AuthParser.parse(MissingNode.getInstance(), "spec.auth").problems()).containsExactly(required);
        assertThat(AuthParser.parseObject(Yaml.read("spec: {arn: 'arn:aws:s3:::b'}")).problems())
                .containsExactly(required);
        assertThat(AuthParser.parseObject(Yaml.read("metadata: {name: x}")).problems()).containsExactly(required);
        assertThat(AuthParser.parse(null, "spec.auth").auth()).isNull();
    }

    @Test
    void parseObjectReadsSpecAuth() {
        ParsedAuth parsed = AuthParser.parseObject(Yaml.read("""
                kind: AWSS3Target
                spec:
                  auth: {iam: {roleARN: 'arn:aws:iam::123456789012:role/r'}}
                """));
        assertThat(parsed.problems()).extracting(Problem::path)
                .containsExactly("spec.auth.iam.roleARN", "spec.auth.iam");
        assertThat(AuthParser.parseObject(Yaml.read("spec: [1]")).problems()).extracting(Problem::path)
                .containsExactly("spec");
    }

    @Test
    void unknownFieldsAreProblemsWithDidYouMean() {
        assertThat(parseAuth("iam: {roleARN: 'arn:aws:iam::123456789012:role/r', serviceAccount: sa}").problems())
                .containsExactly(new Problem("spec.auth.iam.roleARN", "unknown field 'roleARN'; did you mean roleArn?"));
        assertThat(parseAuth("""
                credentials:
                  accessKeyId: {valueFromSecret: {name: aws, key: id}}
                  secrectAccessKey: {valueFromSecret: {nmae: aws, key: secret}}
                """).problems()).extracting(Problem::toString).containsExactly(
                "spec.auth.credentials.accessKeyId: unknown field 'accessKeyId'; did you mean accessKeyID?",
                "spec.auth.credentials.secrectAccessKey: unknown field 'secrectAccessKey'; did you mean"
                        + " secretAccessKey?");
        // A misspelling next to the right spelling: the right one is used, the other is still reported.
        assertThat(parseAuth("""
                credentials:
                  accessKeyId: {valueFromSecret: {name: aws, key: id}}
                  accessKeyID: {valueFromSecret: {name: aws, key: id}}
                """).problems()).extracting(Problem::path).containsExactly(
                "spec.auth.credentials.accessKeyId", "spec.auth.credentials.secretAccessKey");
        assertThat(parseAuth("iam: {serviceAccountName: sa}").problems().get(0).message())
                .isEqualTo("unknown field 'serviceAccountName'; did you mean serviceAccount?");
        assertThat(parseAuth("iam: {serviceAccount: sa, colour: blue}").problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("spec.auth.iam.colour");
                    assertThat(p.message()).isEqualTo("unknown field 'colour'; allowed fields: roleArn, serviceAccount,"
                            + " assumeIamRole, assumeIamRoleOptions");
                });
    }

    @Test
    void fieldsAtTheWrongLevelSayWhereTheyBelong() {
        assertThat(parseAuth("roleArn: 'arn:aws:iam::123456789012:role/r'").problems()).extracting(Problem::toString)
                .contains("spec.auth.roleArn: unknown field 'roleArn' here: it belongs under spec.auth.iam");
        assertThat(parseAuth("""
                credentials:
                  accessKeyID: {name: aws, key: id}
                  secretAccessKey: {valueFrom: {name: aws, key: secret}}
                """).problems()).extracting(Problem::toString).contains(
                "spec.auth.credentials.accessKeyID.name: unknown field 'name' here: it belongs under"
                        + " spec.auth.credentials.accessKeyID.valueFromSecret",
                "spec.auth.credentials.secretAccessKey.valueFrom: unknown field 'valueFrom'; did you mean"
                        + " valueFromSecret?");
    }

    @Test
    void wrongJsonTypesAreProblemsReportedOnce() {
        assertThat(parseAuth("credentials: {accessKeyID: AKIAIOSFODNN7EXAMPLE, secretAccessKey: {value: 12345}}")
                .problems()).extracting(Problem::toString).containsExactly(
                "spec.auth.credentials.accessKeyID: must be an object, not a string: write {value: ...} or"
                        + " {valueFromSecret: {name: <secret>, key: <key>}}",
                "spec.auth.credentials.secretAccessKey.value: must be a string, not a number (in YAML, put quotes"
                        + " around it)");
        assertThat(parseAuth("iam: [a]").problems()).extracting(Problem::toString)
                .containsExactly("spec.auth.iam: must be an object, not a list: set roleArn, serviceAccount or both");
        assertThat(parseAuth("iam: {roleArn: 7}").problems()).extracting(Problem::path)
                .containsExactly("spec.auth.iam.roleArn");
        assertThat(parseAuth("\"iam\"").problems()).extracting(Problem::toString)
                .containsExactly("spec.auth: must be an object, not a string: set credentials or iam");
    }

    @Test
    void durationSecondsMustBeAWholeNumber() {
        String base = "iam: {serviceAccount: sa, assumeIamRole: 'arn:aws:iam::123456789012:role/r',"
                + " assumeIamRoleOptions: {durationSeconds: %s}}";
        assertThat(parseAuth(base.formatted("'3600'")).problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.iam.assumeIamRoleOptions.durationSeconds");
            assertThat(p.message()).startsWith("must be a number, not a string");
        });
        assertThat(parseAuth(base.formatted("1.5")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("must be a whole number"));
        assertThat(parseAuth(base.formatted("99999999999")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is out of range"));
        assertThat(parseAuth(base.formatted("60")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is 60: it must be between 900"));
        assertThat(parseAuth(base.formatted("43200")).problems()).isEmpty();
    }

    @Test
    void nullFieldsCountAsUnset() {
        ParsedAuth parsed = parseAuth("""
                credentials:
                  accessKeyID: {valueFromSecret: {name: aws, key: id}}
                  secretAccessKey: {valueFromSecret: {name: aws, key: secret}}
                  sessionToken:
                  assumeIamRole: null
                iam: ~
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.auth().credentials().sessionToken()).isNull();
    }

    @Test
    void neverThrowsForBadInput() {
        List<String> inputs = List.of("42", "[]", "{}", "credentials: 1", "credentials: {accessKeyID: []}",
                "credentials: {accessKeyID: {valueFromSecret: 3}}", "credentials: {assumeIamRoleOptions: []}",
                "iam: {assumeIamRoleOptions: {externalId: [], sessionName: {}, durationSeconds: true}}",
                "{credentials: {accessKeyID: {valueFromSecret: {name: [], key: {}}}}}", "\"\"", "null",
                "{'': 1, 'a.b': 2, 'x y': {}}");
        for (String input : inputs) {
            ParsedAuth parsed = parseAuth(input);
            assertThat(parsed.problems()).as(input).isNotEmpty();
            assertThat(parsed.isValid()).as(input).isFalse();
        }
        assertThat(AuthParser.parse(JsonNodeFactory.instance.textNode("x"), "spec.auth").problems()).hasSize(1);
        assertThat(parseAuth("{'a.b': 2}").problems()).extracting(Problem::path).contains("spec.auth[\"a.b\"]");
    }

    @Test
    void typeProblemsUnderEveryFieldAreAllReturnedWithTheirPaths() {
        assertThat(parseAuth("""
                credentials:
                  accessKeyID: {valueFromSecret: {name: [aws], key: true}}
                  secretAccessKey: 5
                  assumeIamRoleOptions: {externalId: 1, sessionName: [], durationSeconds: x}
                iam: {roleArn: {}, serviceAccount: 1}
                """).problems()).extracting(Problem::path).containsExactly(
                "spec.auth.credentials.accessKeyID.valueFromSecret.name",
                "spec.auth.credentials.accessKeyID.valueFromSecret.key",
                "spec.auth.credentials.secretAccessKey",
                "spec.auth.credentials.assumeIamRoleOptions.externalId",
                "spec.auth.credentials.assumeIamRoleOptions.sessionName",
                "spec.auth.credentials.assumeIamRoleOptions.durationSeconds",
                "spec.auth.iam.roleArn",
                "spec.auth.iam.serviceAccount",
                "spec.auth",
                "spec.auth.credentials.assumeIamRoleOptions");
    }
}
