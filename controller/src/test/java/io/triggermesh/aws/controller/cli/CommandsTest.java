package io.triggermesh.aws.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.triggermesh.aws.controller.ControllerCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The offline commands of the controller jar, run as the jar runs them. */
class CommandsTest {

    /** The manifests the README's quickstart validates; tests run in the module directory. */
    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples");

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(ControllerCommand.class, new MicronautFactory(context));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void quickstartExamplesAreAllValid() {
        Run run = run("validate", "-f", EXAMPLES.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("6 connector objects, 0 with problems");
    }

    @Test
    void invalidManifestExitsOneAndNamesTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata: {name: bad}
                spec:
                  arn: arn:aws:s3:::test-bucket
                  auth:
                    iam: {roleArn: "arn:aws:s3:::not-a-role"}
                """);

        Run run = run("validate", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("spec.auth.iam.roleArn");
    }

    @Test
    void policyForTheS3SourceHasThePagesActionsForAdapterAndController() {
        Run run = run("policy", "AWSS3Source");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "s3:GetBucketLocation", "s3:GetBucketNotification", "s3:PutBucketNotification", "sqs:CreateQueue",
                "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:ListQueueTags",
                "sqs:TagQueue");
    }

    @Test
    void policyForOneObjectFillsItsArns() {
        Run run = run("policy", "AWSS3Target", "--for", "adapter", "-f",
                EXAMPLES.resolve("aws-credentials/create-the-aws-target.yaml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("arn:aws:s3:::test-bucket/*").doesNotContain("#");
    }

    @Test
    void policyForAnObjectWithoutNamespaceSaysWhichOneItAssumesAndTakesDashN(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("source.yaml"), """
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: uploads}
                spec:
                  arn: arn:aws:s3:::photos
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "http://display.default.svc.cluster.local"}
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: id}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: secret}}
                """);

        Run assumed = run("policy", "AWSS3Source", "--for", "controller", "-f", file.toString());
        Run given = run("policy", "AWSS3Source", "--for", "controller", "-f", file.toString(), "-n", "team-a");

        assertThat(assumed.exitCode()).as(assumed.err()).isZero();
        assertThat(assumed.err()).contains("names no namespace").contains("'default'").contains("-n");
        assertThat(assumed.out()).contains("triggermesh-s3_default_uploads");
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.err()).doesNotContain("names no namespace");
        assertThat(given.out()).contains("triggermesh-s3_team-a_uploads").doesNotContain("_default_");
    }

    @Test
    void unknownKindIsAClearError() {
        Run run = run("policy", "AWSKinesisSource");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown kind AWSKinesisSource").contains("AWSS3Source");
    }

    @Test
    void renderShowsWhatTheControllerWouldApplyWithoutSecretValues() {
        Run run = run("render", "-f",
                EXAMPLES.resolve("aws-credentials/assume-an-iam-role-for-cross-account-iam-impersonation.yaml")
                        .toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kind: \"Secret\"", "kind: \"Deployment\"", "AWS_ASSUME_ROLE_ARN",
                "arn:aws:iam::210987654321:role/triggermesh-cross-account", "<redacted>");
        assertThat(run.out()).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void renderUsesAnExistingUnmanagedServiceAccountWithoutChangingIt(@TempDir Path dir) throws Exception {
        Path existing = dir.resolve("sa.yaml");
        Files.writeString(existing, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: aws-s3-target-sa
                  namespace: default
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/aws-s3-target-role"}
                """);

        Run run = run("render", "-f",
                EXAMPLES.resolve("aws-credentials/customizing-the-kubernetes-service-account-used-by-triggermesh.yaml")
                        .toString(), "-f", existing.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("kind: \"ServiceAccount\"")
                .contains("serviceAccountName: \"aws-s3-target-sa\"");
    }
}
