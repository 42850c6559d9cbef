package io.triggermesh.aws.auth.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems end up in status conditions, Events and logs, so a literal credential must never reach one. */
class ProblemsNeverContainSecretsTest {

    private static final String CANARY = "CanarySecret0wJalrXUtnFEMIK7MDENG";

    @Test
    void noMessageOrPathContainsALiteralSecretValue() {
        List<String> manifests = List.of(
                // Valid literal values next to every other kind of problem.
                """
                credentials:
                  accessKeyID: {value: %1$s}
                  secretAccessKey: {value: %1$s, valueFromSecret: {name: Bad_Name, key: 'bad key'}}
                  sessionToken: {value: ' %1$s '}
                  assumeIamRole: 'arn:aws:s3:::bucket'
                  assumeIamRoleOptions: {externalId: x, sessionName: 'a b', durationSeconds: 1}
                iam: {}
                """,
                // A value pasted in the wrong shape: as the field itself, as a field name, with YAML's {KEY}.
                """
                credentials:
                  accessKeyID: %1$s
                  secretAccessKey: {%1$s}
                  sessionToken: {%1$s: x}
                """,
                // A value with the wrong type, and a value where the block itself should be.
                "credentials: {accessKeyID: {value: [%1$s]}, secretAccessKey: {value: {a: %1$s}}}",
                "credentials: {accessKeyID: {value: '%1$s\n'}, secretAccessKey: {valeu: %1$s}}",
                "'%1$s'");

        for (String manifest : manifests) {
            ParsedAuth parsed = Yaml.parseAuth(manifest.formatted(CANARY));
            assertThat(parsed.problems()).as(manifest).isNotEmpty();
            for (Problem problem : parsed.problems()) {
                assertThat(problem.message()).as(manifest).doesNotContain(CANARY);
                assertThat(problem.path()).as(manifest).doesNotContain(CANARY);
            }
            assertThat(parsed.toString()).doesNotContain(CANARY);
        }
    }

    @Test
    void validatorMessagesNeverContainALiteralSecretValue() {
        ValueSource canary = ValueSource.literal(CANARY);
        ValueSource padded = ValueSource.literal("\t" + CANARY + "\n");
        AwsAuth auth = new AwsAuth(
                new Credentials(canary, new ValueSource(CANARY, ValueSource.fromSecret("x", "y").valueFromSecret()),
                        padded, null, new AssumeRoleOptions(null, null, 5)),
                new Iam(null, null, null, null));

        List<Problem> problems = AuthValidator.validate(auth, "spec.auth");

        assertThat(problems).hasSizeGreaterThanOrEqualTo(4);
        assertThat(problems).allSatisfy(p -> assertThat(p.toString()).doesNotContain(CANARY));
    }
}
