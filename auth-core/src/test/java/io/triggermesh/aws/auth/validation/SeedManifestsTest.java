package io.triggermesh.aws.auth.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML manifest of the original TriggerMesh credentials guide, one file per section under
 * {@code examples/aws-credentials} of the repository (the manifests the README's quickstart validates), with its
 * placeholders filled in as each file's header says.
 */
class SeedManifestsTest {

    private static final String GUIDE_ROLE = "arn:aws:iam::123456789012:role/aws-s3-target-role";
    private static final String GUIDE_SERVICE_ACCOUNT = "aws-s3-target-sa";

    /** Tests run in the module directory; the examples are shared with users, so they live at the top. */
    static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples", "aws-credentials");

    private static String text(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AwsAuth validAuth(String file) {
        ParsedAuth parsed = AuthParser.parseObject(Yaml.read(text(file)));
        assertThat(parsed.problems()).as(file).isEmpty();
        return parsed.auth();
    }

    @Test
    void everySeedManifestIsCoveredHere() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "using-temporary-credentials-with-aws-iam-roles-anywhere.yaml",
                    "using-an-iam-role-from-an-eks-cluster.yaml",
                    "create-the-aws-target.yaml",
                    "customizing-the-kubernetes-service-account-used-by-triggermesh.yaml",
                    "customizing-the-kubernetes-service-account-used-by-triggermesh-without-role-arn.yaml",
                    "assume-an-iam-role-for-cross-account-iam-impersonation.yaml");
        }
    }

    @Test
    void temporaryCredentialsFromSecretsWithSessionToken() {
        Credentials credentials = validAuth("using-temporary-credentials-with-aws-iam-roles-anywhere.yaml")
                .credentials();
        assertThat(credentials).isEqualTo(Credentials.keys(
                        ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"),
                        ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY"))
                .withSessionToken(ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN")));
    }

    @Test
    void iamRoleFromAnEksCluster() {
        assertThat(validAuth("using-an-iam-role-from-an-eks-cluster.yaml"))
                .isEqualTo(AwsAuth.ofIam(Iam.role(GUIDE_ROLE)));
    }

    @Test
    void createTheAwsTargetWithTheGuideRole() {
        AwsAuth auth = validAuth("create-the-aws-target.yaml");
        assertThat(auth.mode()).isEqualTo(AwsAuth.Mode.IAM);
        assertThat(auth.iam()).isEqualTo(Iam.role(GUIDE_ROLE));
    }

    @Test
    void customServiceAccountWithRole() {
        assertThat(validAuth("customizing-the-kubernetes-service-account-used-by-triggermesh.yaml").iam())
                .isEqualTo(Iam.of(GUIDE_ROLE, GUIDE_SERVICE_ACCOUNT));
    }

    @Test
    void customServiceAccountWithoutRoleArn() {
        assertThat(validAuth("customizing-the-kubernetes-service-account-used-by-triggermesh-without-role-arn.yaml")
                .iam()).isEqualTo(Iam.of(null, GUIDE_SERVICE_ACCOUNT));
    }

    @Test
    void crossAccountAssumeRoleWithLiteralKeys() {
        Credentials credentials = validAuth("assume-an-iam-role-for-cross-account-iam-impersonation.yaml")
                .credentials();
        assertThat(credentials.accessKeyID()).isEqualTo(ValueSource.literal("AKIAIOSFODNN7EXAMPLE"));
        assertThat(credentials.secretAccessKey())
                .isEqualTo(ValueSource.literal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assertThat(credentials.sessionToken()).isNull();
        assertThat(credentials.assumeIamRole()).isEqualTo("arn:aws:iam::210987654321:role/triggermesh-cross-account");
        assertThat(credentials.assumeIamRoleOptions()).isNull();
    }

    /** Keeps the substitutions honest: the guide's raw placeholders are not valid, and say why. */
    @Test
    void rawPlaceholdersOfThePageAreRejected() {
        String target = text("create-the-aws-target.yaml");
        assertThat(target).contains(GUIDE_ROLE);

        assertThat(problems(target.replace(GUIDE_ROLE, "<role arn>"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.auth.iam.roleArn");
            assertThat(p.message()).contains("placeholder", "roleArn needs an IAM role ARN like");
        });
        assertThat(problems(target.replace(GUIDE_ROLE, "arn:aws:iam::<redacted>:role/<role-name>")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("spec.auth.iam.roleArn");
                    assertThat(p.message()).contains("12 digits", "roleArn needs an IAM role ARN");
                });

        String serviceAccount = text("customizing-the-kubernetes-service-account-used-by-triggermesh.yaml");
        assertThat(problems(serviceAccount.replace(GUIDE_SERVICE_ACCOUNT, "<service account name>")))
                .extracting(Problem::path).containsExactly("spec.auth.iam.serviceAccount");

        String crossAccount = text("assume-an-iam-role-for-cross-account-iam-impersonation.yaml");
        assertThat(problems(crossAccount.replace("arn:aws:iam::210987654321:role/triggermesh-cross-account",
                "<redacted>"))).extracting(Problem::path).containsExactly("spec.auth.credentials.assumeIamRole");
    }

    private static List<Problem> problems(String manifest) {
        return AuthParser.parseObject(Yaml.read(manifest)).problems();
    }
}
