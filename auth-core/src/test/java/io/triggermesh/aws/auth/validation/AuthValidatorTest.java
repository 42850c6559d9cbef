package io.triggermesh.aws.auth.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.Arn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of spec.auth, each with inputs that pass and inputs that fail. */
class AuthValidatorTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/aws-s3-target-role";
    private static final ValueSource KEY_ID = ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID");
    private static final ValueSource SECRET_KEY = ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY");
    private static final Credentials KEYS = Credentials.keys(KEY_ID, SECRET_KEY);

    private static List<Problem> validate(AwsAuth auth) {
        return AuthValidator.validate(auth, "spec.auth");
    }

    private static List<Problem> validateKeys(ValueSource accessKeyId) {
        return validate(AwsAuth.ofCredentials(Credentials.keys(accessKeyId, SECRET_KEY)));
    }

    private static List<Problem> validateIam(Iam iam) {
        return validate(AwsAuth.ofIam(iam));
    }

    private static List<Problem> validateOptions(AssumeRoleOptions options) {
        return validate(AwsAuth.ofCredentials(KEYS.withAssumeRole(ROLE, options)));
    }

    @Test
    void authBlockIsRequired() {
        assertThat(validate(null)).containsExactly(
                new Problem("spec.auth", "spec.auth is required: set credentials or iam"));
        assertThat(AuthValidator.validate(null, "spec.source.auth"))
                .extracting(Problem::path).containsExactly("spec.source.auth");
    }

    @Test
    void exactlyOneOfCredentialsOrIam() {
        assertThat(validate(AwsAuth.ofCredentials(KEYS))).isEmpty();
        assertThat(validate(AwsAuth.ofIam(Iam.role(ROLE)))).isEmpty();

        assertThat(validate(new AwsAuth(KEYS, Iam.role(ROLE)))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth");
            assertThat(p.message()).contains("both credentials and iam", "keep exactly one");
        });
        assertThat(validate(new AwsAuth(null, null))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth");
            assertThat(p.message()).contains("set exactly one of credentials", "or iam");
        });
    }

    @Test
    void credentialsRequireAccessKeyIdAndSecretAccessKeyWhileSessionTokenIsOptional() {
        assertThat(validate(AwsAuth.ofCredentials(KEYS))).isEmpty();
        assertThat(validate(AwsAuth.ofCredentials(
                KEYS.withSessionToken(ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN"))))).isEmpty();

        assertThat(validate(AwsAuth.ofCredentials(new Credentials(null, null, null, null, null))))
                .extracting(Problem::path)
                .containsExactly("spec.auth.credentials.accessKeyID", "spec.auth.credentials.secretAccessKey");
        assertThat(validate(AwsAuth.ofCredentials(Credentials.keys(KEY_ID, null)))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.credentials.secretAccessKey");
            assertThat(p.message()).contains("is required", "valueFromSecret", "AWS_SECRET_ACCESS_KEY");
        });
    }

    @Test
    void valueSourceSetsValueOrValueFromSecretButNotBoth() {
        assertThat(validateKeys(ValueSource.literal("AKIAIOSFODNN7EXAMPLE"))).isEmpty();
        assertThat(validateKeys(ValueSource.fromSecret("aws", "id"))).isEmpty();

        assertThat(validateKeys(new ValueSource("AKIAIOSFODNN7EXAMPLE", KEY_ID.valueFromSecret())))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID");
                    assertThat(p.message()).contains("both value and valueFromSecret");
                });
        assertThat(validateKeys(new ValueSource(null, null))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID");
            assertThat(p.message()).contains("set valueFromSecret", "or value");
        });
        assertThat(validate(AwsAuth.ofCredentials(KEYS.withSessionToken(new ValueSource(null, null)))))
                .extracting(Problem::path).containsExactly("spec.auth.credentials.sessionToken");
    }

    @Test
    void emptyLiteralValueIsAnError() {
        assertThat(validateKeys(ValueSource.literal("A"))).isEmpty();

        for (String empty : List.of("", "   ", "\n")) {
            assertThat(validateKeys(ValueSource.literal(empty))).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID.value");
                assertThat(p.message()).startsWith("is empty");
            });
        }
    }

    @Test
    void literalValueWithSurroundingWhitespaceIsAnError() {
        assertThat(validateKeys(ValueSource.literal("AKIAIOSFODNN7EXAMPLE\n"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID.value");
            assertThat(p.message()).contains("whitespace");
        });
    }

    @Test
    void secretNameMustBeDns1123Subdomain() {
        for (String good : List.of("aws", "aws-keys", "team.aws-keys", "a", "0aws9", "a".repeat(253))) {
            assertThat(validateKeys(ValueSource.fromSecret(good, "k"))).as(good).isEmpty();
        }
        for (String bad : List.of("", "AWS", "aws_keys", "-aws", "aws-", "aws..keys", "aws.-keys", ".aws",
                "a".repeat(254))) {
            assertThat(validateKeys(ValueSource.fromSecret(bad, "k"))).as(bad).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID.valueFromSecret.name");
                assertThat(p.message()).contains("DNS-1123 subdomain");
            });
        }
        assertThat(validateKeys(ValueSource.fromSecret("AWS", "k")).get(0).message())
                .startsWith("contains uppercase letters");
        assertThat(validateKeys(ValueSource.fromSecret(null, "k"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID.valueFromSecret.name");
            assertThat(p.message()).startsWith("is required");
        });
    }

    @Test
    void secretKeyMustBeValidSecretDataKey() {
        for (String good : List.of("AWS_ACCESS_KEY_ID", "access-key.id", "a", ".hidden", "k".repeat(253))) {
            assertThat(validateKeys(ValueSource.fromSecret("aws", good))).as(good).isEmpty();
        }
        for (String bad : List.of("", "access key", "access/key", "key:id", ".", "..", "..data",
                "k".repeat(254))) {
            assertThat(validateKeys(ValueSource.fromSecret("aws", bad))).as(bad).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID.valueFromSecret.key");
                assertThat(p.message()).contains("Secret data key");
            });
        }
        assertThat(validateKeys(ValueSource.fromSecret("aws", null))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.credentials.accessKeyID.valueFromSecret.key");
            assertThat(p.message()).contains("is required", "AWS_ACCESS_KEY_ID");
        });
    }

    @Test
    void roleArnsMustBeIamRoleArnsOfPartitionsAwsAwsCnOrAwsUsGov() {
        List<String> good = List.of(ROLE, "arn:aws-cn:iam::123456789012:role/r",
                "arn:aws-us-gov:iam::123456789012:role/r", "arn:aws:iam::123456789012:role/service-role/path/r");
        List<String> bad = List.of("arn:aws-iso:iam::123456789012:role/r", "arn:aws:iam::12345678901:role/r",
                "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:role/",
                "arn:aws:iam:us-east-1:123456789012:role/r", "aws-s3-target-role", "<role arn>", "",
                " " + ROLE, ROLE + "\n");
        for (String arn : good) {
            assertThat(validateIam(Iam.role(arn))).as(arn).isEmpty();
            assertThat(validateIam(Iam.role(ROLE).withAssumeRole(arn, null))).as(arn).isEmpty();
            assertThat(validate(AwsAuth.ofCredentials(KEYS.withAssumeRole(arn, null)))).as(arn).isEmpty();
        }
        for (String arn : bad) {
            assertThat(validateIam(Iam.role(arn))).as(arn).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("spec.auth.iam.roleArn");
                assertThat(p.message()).endsWith("; roleArn needs an IAM role ARN like "
                        + "arn:aws:iam::123456789012:role/name");
            });
            assertThat(validateIam(Iam.role(ROLE).withAssumeRole(arn, null))).as(arn)
                    .extracting(Problem::path).containsExactly("spec.auth.iam.assumeIamRole");
            assertThat(validate(AwsAuth.ofCredentials(KEYS.withAssumeRole(arn, null)))).as(arn).singleElement()
                    .satisfies(p -> {
                        assertThat(p.path()).isEqualTo("spec.auth.credentials.assumeIamRole");
                        assertThat(p.message()).contains("assumeIamRole needs an IAM role ARN");
                    });
        }
    }

    @Test
    void roleArnProblemsSayWhatWasGivenInstead() {
        assertThat(roleProblem("arn:aws:s3:::test-bucket")).isEqualTo("this is an S3 bucket ARN; assumeIamRole"
                + " needs an IAM role ARN like arn:aws:iam::123456789012:role/name");
        assertThat(roleProblem("arn:aws:sqs:us-east-1:123456789012:queue_name")).startsWith("this is an SQS queue ARN");
        assertThat(roleProblem("arn:aws:s3:::test-bucket/key")).startsWith("this is an S3 object ARN");
        assertThat(roleProblem("arn:aws:iam::123456789012:user/alice")).startsWith("this is an IAM user ARN");
        assertThat(roleProblem("arn:aws:sts::123456789012:assumed-role/r/session"))
                .startsWith("this is an STS assumed-role session ARN");
        assertThat(roleProblem("arn:aws-iso:iam::123456789012:role/r")).startsWith("uses an unsupported partition");
        assertThat(roleProblem("arn:aws:iam::12345678901:role/r")).contains("not exactly 12 digits");
        assertThat(roleProblem("arn:aws:iam::123456789012:role/")).startsWith("has no role name");
        assertThat(roleProblem("arn:aws:iam:us-east-1:123456789012:role/r")).startsWith("has a region");
        assertThat(roleProblem("<role arn>")).startsWith("is still a placeholder");
        assertThat(roleProblem("aws-s3-target-role")).startsWith("looks like a role name");
    }

    private static String roleProblem(String arn) {
        return validate(AwsAuth.ofCredentials(KEYS.withAssumeRole(arn, null))).get(0).message();
    }

    @Test
    void iamMustSetRoleArnOrServiceAccount() {
        assertThat(validateIam(Iam.role(ROLE))).isEmpty();
        assertThat(validateIam(Iam.of(null, "aws-s3-target-sa"))).isEmpty();
        assertThat(validateIam(Iam.of(ROLE, "aws-s3-target-sa"))).isEmpty();

        assertThat(validateIam(new Iam(null, null, null, null))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.iam");
            assertThat(p.message()).contains("is empty", "roleArn", "serviceAccount");
        });
        assertThat(validateIam(new Iam(null, null, ROLE, null)))
                .extracting(Problem::path).containsExactly("spec.auth.iam");
    }

    @Test
    void serviceAccountMustBeDns1123Subdomain() {
        for (String good : List.of("aws-s3-target-sa", "default", "team.s3", "s".repeat(253))) {
            assertThat(validateIam(Iam.of(null, good))).as(good).isEmpty();
        }
        for (String bad : List.of("", "<service account name>", "S3-Target", "s3_target", "s3-", "s".repeat(254))) {
            assertThat(validateIam(Iam.of(null, bad))).as(bad).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("spec.auth.iam.serviceAccount");
                assertThat(p.message()).contains("ServiceAccount name must be a DNS-1123 subdomain");
            });
        }
    }

    @Test
    void iamAssumeIamRoleIsAllowedWithOnlyServiceAccount() {
        // The role can come from an annotated ServiceAccount that the controller does not manage.
        assertThat(validateIam(Iam.of(null, "shared-irsa").withAssumeRole(ROLE, AssumeRoleOptions.none())))
                .isEmpty();
    }

    @Test
    void assumeIamRoleOptionsRequireSiblingAssumeIamRole() {
        AssumeRoleOptions options = new AssumeRoleOptions("ext-id", null, null);
        assertThat(validate(AwsAuth.ofCredentials(KEYS.withAssumeRole(ROLE, options)))).isEmpty();
        assertThat(validateIam(Iam.role(ROLE).withAssumeRole(ROLE, options))).isEmpty();

        assertThat(validate(AwsAuth.ofCredentials(KEYS.withAssumeRole(null, options)))).singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("spec.auth.credentials.assumeIamRoleOptions");
                    assertThat(p.message()).contains("assumeIamRole is not", "spec.auth.credentials.assumeIamRole");
                });
        assertThat(validateIam(Iam.role(ROLE).withAssumeRole(null, options)))
                .extracting(Problem::path).containsExactly("spec.auth.iam.assumeIamRoleOptions");
    }

    @Test
    void externalIdIs2To1224AllowedCharacters() {
        for (String good : List.of("ab", "Ext_Id+=,.@:/-9", "x".repeat(1224))) {
            assertThat(validateOptions(new AssumeRoleOptions(good, null, null))).as(good).isEmpty();
        }
        for (String bad : List.of("a", "", "x".repeat(1225), "has space", "semi;colon", "ünï")) {
            assertThat(validateOptions(new AssumeRoleOptions(bad, null, null))).as(bad).singleElement()
                    .satisfies(p -> {
                        assertThat(p.path()).isEqualTo("spec.auth.credentials.assumeIamRoleOptions.externalId");
                        assertThat(p.message()).containsAnyOf("2 to 1224 characters", "ExternalId");
                    });
        }
    }

    @Test
    void sessionNameIs2To64AllowedCharacters() {
        for (String good : List.of("tm", "triggermesh-default-s3_src+=,.@x", "s".repeat(64))) {
            assertThat(validateOptions(new AssumeRoleOptions(null, good, null))).as(good).isEmpty();
        }
        for (String bad : List.of("s", "s".repeat(65), "with/slash", "with:colon", "with space")) {
            assertThat(validateOptions(new AssumeRoleOptions(null, bad, null))).as(bad).singleElement()
                    .satisfies(p -> {
                        assertThat(p.path()).isEqualTo("spec.auth.credentials.assumeIamRoleOptions.sessionName");
                        assertThat(p.message()).containsAnyOf("2 to 64 characters", "role session name");
                    });
        }
    }

    @Test
    void durationSecondsIs900To43200() {
        for (int good : new int[] {900, 3600, 43200}) {
            assertThat(validateOptions(new AssumeRoleOptions(null, null, good))).as("%d", good).isEmpty();
        }
        for (int bad : new int[] {0, -1, 899, 43201, Integer.MAX_VALUE}) {
            assertThat(validateOptions(new AssumeRoleOptions(null, null, bad))).as("%d", bad).singleElement()
                    .satisfies(p -> {
                        assertThat(p.path()).isEqualTo("spec.auth.credentials.assumeIamRoleOptions.durationSeconds");
                        assertThat(p.message()).contains("between 900", "and 43200");
                    });
        }
    }

    @Test
    void everyProblemIsReturnedAtOnceWithItsPath() {
        AwsAuth auth = new AwsAuth(
                new Credentials(
                        ValueSource.literal(""),
                        ValueSource.fromSecret("AWS_Keys", "secret key"),
                        new ValueSource(null, null),
                        "arn:aws:s3:::test-bucket",
                        new AssumeRoleOptions("x", "s", 60)),
                new Iam(null, "Bad_SA", null, AssumeRoleOptions.none()));

        assertThat(validate(auth)).extracting(Problem::path).containsExactly(
                "spec.auth",
                "spec.auth.credentials.accessKeyID.value",
                "spec.auth.credentials.secretAccessKey.valueFromSecret.name",
                "spec.auth.credentials.secretAccessKey.valueFromSecret.key",
                "spec.auth.credentials.sessionToken",
                "spec.auth.credentials.assumeIamRole",
                "spec.auth.credentials.assumeIamRoleOptions.externalId",
                "spec.auth.credentials.assumeIamRoleOptions.sessionName",
                "spec.auth.credentials.assumeIamRoleOptions.durationSeconds",
                "spec.auth.iam.serviceAccount",
                "spec.auth.iam.assumeIamRoleOptions");
    }

    @Test
    void aRoleOfAnotherPartitionThanTheResourceIsRefused() {
        AwsAuth chinaRole = AwsAuth.ofIam(new Iam("arn:aws-cn:iam::123456789012:role/x", null, null, null));
        Map<String, Arn> resources = Map.of("spec.arn", Arn.parse("arn:aws:sqs:us-east-1:123456789012:q").orElseThrow());

        assertThat(AuthValidator.partitionProblems(chinaRole, "spec.auth", resources)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.iam.roleArn");
            assertThat(p.message()).contains("partition aws-cn but spec.arn is in partition aws")
                    .contains("arn:aws:iam::<account>:role/<name>");
        });
    }

    @Test
    void anAssumedRoleOfAnotherPartitionIsRefusedAndOneOfTheSamePartitionIsNot() {
        Map<String, Arn> resources = Map.of("spec.arn", Arn.parse("arn:aws-cn:s3:::bucket").orElseThrow());
        AwsAuth sameChina = AwsAuth.ofCredentials(KEYS.withAssumeRole("arn:aws-cn:iam::123456789012:role/x", null));
        AwsAuth global = AwsAuth.ofCredentials(KEYS.withAssumeRole(ROLE, null));

        assertThat(AuthValidator.partitionProblems(sameChina, "spec.auth", resources)).isEmpty();
        assertThat(AuthValidator.partitionProblems(global, "spec.auth", resources)).extracting(Problem::path)
                .containsExactly("spec.auth.credentials.assumeIamRole");
    }
}
