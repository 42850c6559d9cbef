package io.triggermesh.aws.s3;

import io.triggermesh.aws.testkit.SpecShapes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.validation.AuthParser;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.Role;
import io.triggermesh.aws.spi.api.AdapterOverrides;
import io.triggermesh.aws.spi.api.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON shape of the S3 specs: the original API's names, read and written back unchanged. */
class S3SpecJsonTest {

    /** The kind's own part of the manifest's spec, as the controller binds it, read and written back unchanged. */
    private static <T> T roundTrip(String manifest, Class<T> type, Role role) throws Exception {
        JsonNode spec = SpecShapes.ownFields(SpecShapes.manifest(manifest).get("spec"), role);
        T typed = SpecShapes.JSON.treeToValue(spec, type);
        // Compared as parsed JSON text: YAML reads 300 as an int node, Jackson writes a Long as a long node.
        JsonNode written = SpecShapes.JSON.readTree(SpecShapes.JSON.writeValueAsString(typed));
        assertThat(written).as("%s written back", manifest).isEqualTo(SpecShapes.JSON.readTree(spec.toString()));
        return typed;
    }

    /** The manifest's whole spec, shared fields included. */
    private static JsonNode shared(String manifest) {
        return SpecShapes.manifest(manifest).get("spec");
    }

    private static AwsAuth auth(String manifest) {
        // Read, not judged: the pages' manifests keep their placeholders, such as roleArn: <role arn>.
        return AuthParser.parseObject(SpecShapes.manifest(manifest)).auth();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page-awss3target-iam-role.yaml", "page-awss3target-service-account.yaml",
            "page-awss3target-service-account-only.yaml"})
    void pagesAwsS3TargetManifestsReadBackUnchanged(String manifest) throws Exception {
        AwsS3TargetSpec spec = roundTrip(manifest, AwsS3TargetSpec.class, Role.TARGET);

        assertThat(spec.arn()).isEqualTo("arn:aws:s3:::test-bucket");
        assertThat(SpecShapes.JSON.treeToValue(shared(manifest).get("adapterOverrides"), AdapterOverrides.class)
                .exposedPublicly()).isTrue();
        assertThat(auth(manifest).mode()).isEqualTo(AwsAuth.Mode.IAM);
        assertThat(new AwsS3TargetKind(S3Fixtures.IMAGE).validate(spec)).isEmpty();
    }

    @Test
    void completeAwsS3SourceReadsBackUnchanged() throws Exception {
        String manifest = "awss3source-complete.yaml";
        AwsS3SourceSpec spec = roundTrip(manifest, AwsS3SourceSpec.class, Role.SOURCE);

        assertThat(spec.destinationQueueArn()).hasValue("arn:aws:sqs:us-west-2:123456789012:my-queue");
        assertThat(SpecShapes.JSON.treeToValue(shared(manifest).get("sink"), Sink.class).ref().namespace())
                .isEqualTo("events");
        assertThat(SpecShapes.JSON.treeToValue(shared(manifest).get("adapterOverrides"), AdapterOverrides.class)
                .tolerations()).singleElement().satisfies(t -> assertThat(t.tolerationSeconds()).isEqualTo(300L));
        assertThat(auth(manifest).credentials().assumeIamRole()).isEqualTo("arn:aws:iam::210987654321:role/s3-events");
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
    }

    @Test
    void specTypesDeclareNoneOfTheFieldsTheControllerOwns() {
        assertThat(SpecShapes.sharedFieldsDeclaredBy(AwsS3SourceSpec.class, Role.SOURCE)).isEmpty();
        assertThat(SpecShapes.sharedFieldsDeclaredBy(AwsS3TargetSpec.class, Role.TARGET)).isEmpty();
    }

}
