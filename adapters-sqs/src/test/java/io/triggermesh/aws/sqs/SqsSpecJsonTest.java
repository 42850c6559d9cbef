package io.triggermesh.aws.sqs;

import io.triggermesh.aws.testkit.SpecShapes;
import static io.triggermesh.aws.testkit.ConnectorContractTest.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.Sink;
import io.triggermesh.aws.sqs.api.AwsSqsSourceSpec;
import io.triggermesh.aws.sqs.api.AwsSqsTargetSpec;
import io.triggermesh.aws.sqs.api.MessageProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shape of the SQS specs: the original API's names, read and written back unchanged. */
class SqsSpecJsonTest {

    private static <T> T roundTrip(String manifest, Class<T> type) throws Exception {
        JsonNode spec = SpecShapes.manifest(manifest).get("spec");
        T typed = SpecShapes.JSON.treeToValue(spec, type);
        // Compared as parsed JSON text: YAML and Jackson may pick different numeric node types.
        JsonNode written = SpecShapes.JSON.readTree(SpecShapes.JSON.writeValueAsString(typed));
        assertThat(written).as("%s written back", manifest).isEqualTo(SpecShapes.JSON.readTree(spec.toString()));
        return typed;
    }

    @Test
    void pagesAwsSqsTargetManifestReadsBackUnchanged() throws Exception {
        AwsSqsTargetSpec spec = roundTrip("page-awssqstarget-session-token.yaml", AwsSqsTargetSpec.class);

        Credentials credentials = spec.auth().credentials();
        assertThat(credentials.accessKeyID()).isEqualTo(ValueSource.fromSecret("aws", "AWS_ACCESS_KEY_ID"));
        assertThat(credentials.secretAccessKey()).isEqualTo(ValueSource.fromSecret("aws", "AWS_SECRET_ACCESS_KEY"));
        assertThat(credentials.sessionToken()).isEqualTo(ValueSource.fromSecret("aws", "AWS_SESSION_TOKEN"));
    }

    @Test
    void pagesAwsSqsTargetValidatesOnceItsArnIsARealQueueArn() throws Exception {
        AwsSqsTargetSpec page = roundTrip("page-awssqstarget-session-token.yaml", AwsSqsTargetSpec.class);
        AwsSqsTargetKind kind = new AwsSqsTargetKind(SqsFixtures.IMAGE);
        AwsSqsTargetSpec fixed = new AwsSqsTargetSpec("arn:aws:sqs:us-east-1:123456789012:queue_name", page.auth(),
                page.messageGroupId(), page.discardCloudEventContext(), page.adapterOverrides());

        assertThat(kind.validate(page)).extracting(p -> p.path()).containsExactly("spec.arn");
        assertThat(kind.validate(fixed)).isEmpty();
    }

    @Test
    void crossAccountTargetReadsBackUnchanged() throws Exception {
        AwsSqsTargetSpec spec = roundTrip("awssqstarget-cross-account.yaml", AwsSqsTargetSpec.class);

        assertThat(spec.auth().credentials().assumeIamRole()).isEqualTo("arn:aws:iam::210987654321:role/sqs-writer");
        assertThat(spec.messageGroupId()).isEqualTo("orders");
        assertThat(spec.discardsCloudEventContext()).isTrue();
        assertThat(new AwsSqsTargetKind(SqsFixtures.IMAGE).validate(spec)).isEmpty();
    }

    @Test
    void completeAwsSqsSourceReadsBackUnchanged() throws Exception {
        AwsSqsSourceSpec spec = roundTrip("awssqssource-complete.yaml", AwsSqsSourceSpec.class);

        assertThat(spec.receiveOptions().visibilityTimeout()).isEqualTo("5m");
        assertThat(spec.processor()).hasValue(MessageProcessor.EVENTBRIDGE);
        assertThat(spec.endpoint().url()).isEqualTo("https://sqs.us-east-1.amazonaws.com");
        assertThat(spec.auth().mode()).isEqualTo(AwsAuth.Mode.IAM);
        assertThat(new AwsSqsSourceKind(SqsFixtures.IMAGE).validate(spec)).isEmpty();
    }

    @Test
    void everySpecFieldHasADescriptionForTheCrd() {
        assertThat(SpecShapes.componentsWithoutDescription(AwsSqsSourceSpec.class)).isEmpty();
        assertThat(SpecShapes.componentsWithoutDescription(AwsSqsTargetSpec.class)).isEmpty();
    }

    @Test
    void toStringOfEverySpecRedactsSecrets() {
        AdapterOverrides overrides = new AdapterOverrides(null, List.of(new AdapterOverrides.Env("TOKEN", CANARY)),
                null, null, null, null, null);
        AwsSqsSourceSpec source = new AwsSqsSourceSpec(SqsFixtures.QUEUE_ARN, null, null,
                new AwsSqsSourceSpec.Endpoint("https://user:" + CANARY + "@sqs.example.com"), null,
                SqsFixtures.CANARY_AUTH, Sink.toUri("https://u:" + CANARY + "@sink.example.com"), overrides);
        AwsSqsTargetSpec target = new AwsSqsTargetSpec(SqsFixtures.QUEUE_ARN, SqsFixtures.CANARY_AUTH, null, null,
                overrides);

        assertThat(source.toString()).doesNotContain(CANARY).contains("orders").contains("sqs.example.com");
        assertThat(target.toString()).doesNotContain(CANARY).contains("orders");
    }
}
