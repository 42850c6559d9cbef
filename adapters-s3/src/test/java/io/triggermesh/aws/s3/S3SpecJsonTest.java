package io.triggermesh.aws.s3;

import io.triggermesh.aws.testkit.SpecShapes;
import static io.triggermesh.aws.testkit.ConnectorContractTest.CANARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.Sink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON shape of the S3 specs: the original API's names, read and written back unchanged. */
class S3SpecJsonTest {

    private static <T> T roundTrip(String manifest, Class<T> type) throws Exception {
        JsonNode spec = SpecShapes.manifest(manifest).get("spec");
        T typed = SpecShapes.JSON.treeToValue(spec, type);
        // Compared as parsed JSON text: YAML reads 300 as an int node, Jackson writes a Long as a long node.
        JsonNode written = SpecShapes.JSON.readTree(SpecShapes.JSON.writeValueAsString(typed));
        assertThat(written).as("%s written back", manifest).isEqualTo(SpecShapes.JSON.readTree(spec.toString()));
        return typed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"page-awss3target-iam-role.yaml", "page-awss3target-service-account.yaml",
            "page-awss3target-service-account-only.yaml"})
    void pagesAwsS3TargetManifestsReadBackUnchanged(String manifest) throws Exception {
        AwsS3TargetSpec spec = roundTrip(manifest, AwsS3TargetSpec.class);

        assertThat(spec.arn()).isEqualTo("arn:aws:s3:::test-bucket");
        assertThat(spec.adapterOverrides().exposedPublicly()).isTrue();
        assertThat(spec.auth().mode()).isEqualTo(AwsAuth.Mode.IAM);
        assertThat(new AwsS3TargetKind(S3Fixtures.IMAGE).validate(spec)).isEmpty();
    }

    @Test
    void completeAwsS3SourceReadsBackUnchanged() throws Exception {
        AwsS3SourceSpec spec = roundTrip("awss3source-complete.yaml", AwsS3SourceSpec.class);

        assertThat(spec.destinationQueueArn()).hasValue("arn:aws:sqs:us-west-2:123456789012:my-queue");
        assertThat(spec.sink().ref().namespace()).isEqualTo("events");
        assertThat(spec.adapterOverrides().tolerations()).singleElement()
                .satisfies(t -> assertThat(t.tolerationSeconds()).isEqualTo(300L));
        assertThat(spec.auth().credentials().assumeIamRole()).isEqualTo("arn:aws:iam::210987654321:role/s3-events");
        assertThat(new AwsS3SourceKind(S3Fixtures.IMAGE).validate(spec)).isEmpty();
    }

    @Test
    void publicIsWrittenAsPublic() {
        JsonNode json = SpecShapes.JSON.valueToTree(AdapterOverrides.publicAccess(true));
        assertThat(json.toString()).isEqualTo("{\"public\":true}");
    }

    @Test
    void absentFieldsAreNotWritten() {
        JsonNode json = SpecShapes.JSON.valueToTree(S3Fixtures.target("arn:aws:s3:::b-1"));
        assertThat(json.toString()).isEqualTo("{\"arn\":\"arn:aws:s3:::b-1\"}");
    }

    @Test
    void unknownFieldsAreRejectedByAStrictReader() {
        assertThatThrownBy(() -> SpecShapes.JSON.readValue("{\"arn\":\"arn:aws:s3:::b-1\",\"bucket\":\"b\"}",
                AwsS3TargetSpec.class)).isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void everySpecFieldHasADescriptionForTheCrd() {
        assertThat(SpecShapes.componentsWithoutDescription(AwsS3SourceSpec.class)).isEmpty();
        assertThat(SpecShapes.componentsWithoutDescription(AwsS3TargetSpec.class)).isEmpty();
        // The walk reaches the shared types too, so the check covers them.
        assertThat(SpecShapes.recordTypes(AwsS3SourceSpec.class)).contains(AdapterOverrides.Toleration.class,
                Sink.class, AwsAuth.class);
    }

    @Test
    void toStringOfEverySpecRedactsSecrets() {
        AdapterOverrides overrides = new AdapterOverrides(true, List.of(new AdapterOverrides.Env("TOKEN", CANARY)),
                null, null, null, null, null);
        AwsS3SourceSpec source = new AwsS3SourceSpec(S3Fixtures.BUCKET_ARN, List.of("s3:ObjectCreated:*"), null,
                S3Fixtures.CANARY_AUTH, Sink.toUri("https://user:" + CANARY + "@sink.example.com/"), overrides);
        AwsS3TargetSpec target = new AwsS3TargetSpec(S3Fixtures.BUCKET_ARN, S3Fixtures.CANARY_AUTH, null, overrides);

        assertThat(source.toString()).doesNotContain(CANARY).contains("my-bucket").contains("TOKEN");
        assertThat(target.toString()).doesNotContain(CANARY).contains("my-bucket");
    }
}
