package io.triggermesh.aws.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.triggermesh.aws.controller.ControllerCommand;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The offline commands of the controller jar, run as the jar runs them, on one context for the class. */
@MicronautTest(startApplication = false)
class CommandsTest {

    /** The manifests the README's quickstart validates; tests run in the module directory. */
    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "..", "examples");

    @Inject
    ApplicationContext context;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
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

    private static final String TARGET = """
            apiVersion: targets.triggermesh.io/v1alpha1
            kind: AWSSQSTarget
            metadata: {name: orders}
            spec:
              arn: arn:aws:sqs:us-east-1:123456789012:orders
              auth:
                iam: {roleArn: "arn:aws:iam::123456789012:role/orders"}
            """;

    /** One line on stderr that starts with error:, no stack frame, nothing on stdout. */
    private static void assertOneErrorLine(Run run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err().lines().toList()).as(run.err()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("error: "));
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithFileLineAndColumnAndExitsTwoInEveryCommand(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), TARGET + "  sink: {uri: [unclosed\n");

        for (Run run : List.of(run("validate", "-f", file.toString()), run("render", "-f", file.toString()),
                run("policy", "AWSSQSTarget", "-f", file.toString()))) {
            assertOneErrorLine(run);
            assertThat(run.err()).containsPattern(Pattern.quote(file.toString()) + ":8:\\d+: not valid YAML: ")
                    .contains("expected ',' or ']'").contains("fix the syntax");
        }
    }

    @Test
    void aMissingFileOrDirectoryIsOneLineAndExitsTwo(@TempDir Path dir) {
        Run file = run("validate", "-f", dir.resolve("nope.yaml").toString());
        Run directory = run("render", "-f", dir.resolve("no/such/dir").toString());

        assertOneErrorLine(file);
        assertThat(file.err()).contains("nope.yaml: no such file or directory").contains("-f");
        assertOneErrorLine(directory);
        assertThat(directory.err()).contains("no/such/dir: no such file or directory");
    }

    @Test
    void theControllerJarHasNoLocalCommand() {
        Run run = run("local");

        // Local mode (and its in-memory API server) is the local module's jar, not the production one.
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err()).as("picocli names the argument it does not know").contains("'local'");
        assertThat(run("--help").out()).contains("run", "validate", "policy", "render").doesNotContain("local");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, TARGET + "# " + "x".repeat(4 * 1024 * 1024) + "\n");

        Run run = run("validate", "-f", file.toString());

        assertOneErrorLine(run);
        assertThat(run.err()).contains("huge.yaml is " + Files.size(file) + " bytes")
                .contains(String.valueOf(Manifests.MAX_FILE_BYTES)).contains("split it");
    }

    @Test
    void aUsageErrorExitsTwo() {
        Run run = run("validate", "-f", "x.yaml", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err()).contains("Unknown option");
    }

    @Test
    void debugPrintsTheStackTraceOfAnUnreadableFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "a: [\n");

        Run run = run("validate", "--debug", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err()).startsWith("error: ").contains("\tat ");
    }

    @Test
    void everyCommandsHelpListsItsExitCodes() {
        for (String command : List.of("validate", "render", "policy")) {
            Run run = run(command, "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).as(command).contains("Exit codes:").contains("0   valid")
                    .contains("1   problems found").contains("2   unreadable input").contains("--debug");
        }
    }

    @Test
    void everyProblemOfAnObjectIsReportedAtOnce(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("many.yaml"), """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: orders}
                spec:
                  arn: arn:aws:s3:::not-a-queue
                  discardCloudEventContext: [yes]
                  arnn: typo
                  adapterOverrides:
                    public: maybe
                    colour: red
                    resources: {requests: {memory: 1.2.3Gi, cpu: "2"}, limits: {cpu: "1"}}
                  auth:
                    iam: {roleArn: "arn:aws:iam::123456789012:role/orders"}
                """);

        Run run = run("validate", "-f", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("spec.arnn: unknown field 'arnn'", "spec.adapterOverrides.colour: unknown field",
                "spec.discardCloudEventContext: is a list but must be true or false",
                "spec.adapterOverrides.public: 'maybe' is not true or false",
                "spec.arn: is an S3 bucket ARN",
                "spec.adapterOverrides.resources.requests.memory: '1.2.3Gi' is not a Kubernetes quantity",
                "spec.adapterOverrides.resources.requests.cpu: '2' is more than the limit '1'");
    }

    @Test
    void namesThatCarryControlCharactersCannotForgeOutputLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("forged.yaml"), TARGET.replace("{name: orders}",
                "{name: \"x\\r\\nok       forged.yaml#0 AWSSQSTarget/fine\\u001b[2K\"}"));

        Run run = run("validate", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(run.out().lines().filter(l -> l.startsWith("ok"))).isEmpty();
        assertThat(run.out()).contains("metadata.name: 'x\\r\\nok ");
    }

    @Test
    void aRegionOutsideThePartitionAndARoleOfAnotherPartitionAreRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("partitions.yaml"), TARGET
                .replace("arn:aws:sqs:us-east-1:", "arn:aws:sqs:mars-north-9:") + "---\n" + TARGET
                .replace("arn:aws:iam::", "arn:aws-cn:iam::"));

        Run run = run("validate", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("spec.arn: 'arn:aws:sqs:mars-north-9:123456789012:orders' has region"
                + " 'mars-north-9', which partition aws does not have")
                .contains("spec.auth.iam.roleArn: is a role of partition aws-cn but spec.arn is in partition aws");
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
    void policyForAnObjectWithProblemsListsThemAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), TARGET.replace("arn: arn:aws:sqs:us-east-1:",
                "arnn: typo\n  arn: arn:aws:sqs:mars-north-9:"));

        Run run = run("policy", "AWSSQSTarget", "-f", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("spec.arnn: unknown field 'arnn'").contains("spec.arn: ")
                .contains("'mars-north-9'");
    }

    @Test
    void unknownKindIsAClearError() {
        Run run = run("policy", "AWSKinesisSource");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown kind 'AWSKinesisSource'").contains("AWSS3Source");
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
    void renderKeepsWhatAnExistingManagedServiceAccountCarriesAsTheControllerDoes(@TempDir Path dir)
            throws Exception {
        Path object = Files.writeString(dir.resolve("object.yaml"), """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata: {name: archive, namespace: default, uid: 0b5ee2d4-1c7e-4d5e-9f1a-000000000001}
                spec:
                  arn: arn:aws:s3:::test-bucket
                  auth:
                    iam: {roleArn: "arn:aws:iam::123456789012:role/archive", serviceAccount: team-sa}
                """);
        Path existing = Files.writeString(dir.resolve("sa.yaml"), """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: team-sa
                  namespace: default
                  labels: {app.kubernetes.io/managed-by: triggermesh-controller, team: payments}
                  annotations: {team/contact: ops@example.com}
                secrets: [{name: team-sa-token}]
                imagePullSecrets: [{name: registry-credentials}]
                """);

        Run run = run("render", "-f", object.toString(), "-f", existing.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String serviceAccount = run.out().split("\n---\n")[0];
        assertThat(serviceAccount).contains("kind: \"ServiceAccount\"", "name: \"registry-credentials\"",
                "name: \"team-sa-token\"", "team: \"payments\"", "team/contact: \"ops@example.com\"",
                "eks.amazonaws.com/role-arn: \"arn:aws:iam::123456789012:role/archive\"",
                "uid: \"0b5ee2d4-1c7e-4d5e-9f1a-000000000001\"");
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
