package io.triggermesh.aws.sqs;

import io.triggermesh.aws.testkit.SpecShapes;
import static io.triggermesh.aws.testkit.ConnectorContractTest.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.auth.validation.AuthParser;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import io.triggermesh.aws.sqs.api.MessageProcessor;
import org.junit.jupiter.api.Test;

/** The JSON shape of the SQS specs: the original API's names, read and written back unchanged. */
class SqsSpecJsonTest {

    /** The kind's own part of the manifest's spec, as the controller binds it, read and written back unchanged. */
    private static <T> T roundTrip(String manifest, Class<T> type, Role role) throws Exception {
        JsonNode spec = SpecShapes.ownFields(SpecShapes.manifest(manifest).get("spec"), role);
        T typed = SpecShapes.JSON.treeToValue(spec, type);
        // Compared as parsed JSON text: YAML and Jackson may pick different numeric node types.
        JsonNode written = SpecShapes.JSON.readTree(SpecShapes.JSON.writeValueAsString(typed));
        assertThat(written).as("%s written back", manifest).isEqualTo(SpecShapes.JSON.readTree(spec.toString()));
        return typed;
    }

    /** {@code spec.auth} as the controller reads it (the spec types do not declare it). */
    private static AwsAuth auth(String manifest) {
        // Read, not judged: the pages' manifests keep their placeholders, such as roleArn: <role arn>.
        return AuthParser.parseObject(SpecShapes.manifest(manifest)).auth();
    }

    @Test
    void pagesAwsSqsTargetManifestReadsBackUnchanged() throws Exception {
        roundTrip("page-awssqstarget-session-token.yaml", AwsSqsTargetSpec.class, Role.TARGET);

        Credentials credentials = auth("page-awssqstarget-session-token.yaml").credentials();
        assertThat(credentials.accessKeyID()).isEqualTo(ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"));
        assertThat(credentials.secretAccessKey()).isEqualTo(ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY"));
        assertThat(credentials.sessionToken()).isEqualTo(ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN"));
    }

    @Test
    void pagesAwsSqsTargetValidatesOnceItsArnIsARealQueueArn() throws Exception {
        AwsSqsTargetSpec page = roundTrip("page-awssqstarget-session-token.yaml", AwsSqsTargetSpec.class, Role.TARGET);
        AwsSqsTargetKind kind = new AwsSqsTargetKind(SqsFixtures.IMAGE);
        AwsSqsTargetSpec fixed = new AwsSqsTargetSpec("arn:aws:sqs:us-east-1:123456789012:queue_name",
                page.messageGroupId(), page.discardCloudEventContext());

        assertThat(kind.validate(page)).extracting(p -> p.path()).containsExactly("spec.arn");
        assertThat(kind.validate(fixed)).isEmpty();
    }

    @Test
    void crossAccountTargetReadsBackUnchanged() throws Exception {
        AwsSqsTargetSpec spec = roundTrip("awssqstarget-cross-account.yaml", AwsSqsTargetSpec.class, Role.TARGET);

        assertThat(auth("awssqstarget-cross-account.yaml").credentials().assumeIamRole()).isEqualTo("arn:aws:iam::210987654321:role/sqs-writer");
        assertThat(spec.messageGroupId()).isEqualTo("orders");
        assertThat(spec.discardsCloudEventContext()).isTrue();
        assertThat(new AwsSqsTargetKind(SqsFixtures.IMAGE).validate(spec)).isEmpty();
    }

    @Test
    void completeAwsSqsSourceReadsBackUnchanged() throws Exception {
        AwsSqsSourceSpec spec = roundTrip("awssqssource-complete.yaml", AwsSqsSourceSpec.class, Role.SOURCE);

        assertThat(spec.receiveOptions().visibilityTimeout()).isEqualTo("5m");
        assertThat(spec.processor()).hasValue(MessageProcessor.EVENTBRIDGE);
        assertThat(spec.endpoint().url()).isEqualTo("https://sqs.us-east-1.amazonaws.com");
        assertThat(auth("awssqssource-complete.yaml").mode()).isEqualTo(AwsAuth.Mode.IAM);
        assertThat(new AwsSqsSourceKind(SqsFixtures.IMAGE).validate(spec)).isEmpty();
    }

    @Test
    void everySpecFieldHasADescriptionForTheCrd() {
        assertThat(SpecShapes.componentsWithoutDescription(AwsSqsSourceSpec.class)).isEmpty();
        assertThat(SpecShapes.componentsWithoutDescription(AwsSqsTargetSpec.class)).isEmpty();
    }

    @Test
    void specTypesDeclareNoneOfTheFieldsTheControllerOwns() {
        assertThat(SpecShapes.sharedFieldsDeclaredBy(AwsSqsSourceSpec.class, Role.SOURCE)).isEmpty();
        assertThat(SpecShapes.sharedFieldsDeclaredBy(AwsSqsTargetSpec.class, Role.TARGET)).isEmpty();
    }

    @Test
    void toStringOfEverySpecRedactsSecrets() {
        AwsSqsSourceSpec source = new AwsSqsSourceSpec(SqsFixtures.QUEUE_ARN, null, null,
                new AwsSqsSourceSpec.Endpoint("https://user:" + CANARY + "@sqs.example.com"), null);
        AwsSqsTargetSpec target = new AwsSqsTargetSpec(SqsFixtures.QUEUE_ARN, null, null);

        assertThat(source.toString()).doesNotContain(CANARY).contains("orders").contains("sqs.example.com");
        assertThat(target.toString()).doesNotContain(CANARY).contains("orders");
    }
}
