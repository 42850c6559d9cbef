package io.triggermesh.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.resources.QueueNames;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.ObjectContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The IAM statements the S3 kinds declare, rendered for objects as the controller would. */
class S3PermissionsTest {

    /** The adapter policy of the original TriggerMesh credentials guide ("S3SourceConsumeMessages"). */
    private static final List<String> PAGE_ADAPTER_ACTIONS =
            List.of("sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage");
    /** Beyond the original guide: the shared SQS engine extends slow deliveries and schedules retries with it. */
    private static final String VISIBILITY = "sqs:ChangeMessageVisibility";
    /** The controller policy of the original guide ("S3SourceGetBucketLocation" and "S3SourceManageQueue"). */
    private static final List<String> PAGE_BUCKET_ACTIONS =
            List.of("s3:GetBucketLocation", "s3:GetBucketNotification", "s3:PutBucketNotification");
    private static final List<String> PAGE_QUEUE_ACTIONS = List.of("sqs:CreateQueue", "sqs:DeleteQueue",
            "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListQueueTags",
            "sqs:TagQueue");

    private final AwsS3SourceKind source = new AwsS3SourceKind(S3Fixtures.IMAGE);
    private final AwsS3TargetKind target = new AwsS3TargetKind(S3Fixtures.IMAGE);

    private List<IamPermission> sourcePolicy(ObjectContext<AwsS3SourceSpec> object) {
        Map<String, String> values = source.permissionValues(object);
        return Stream.concat(source.descriptor().adapterPermissions().stream(),
                source.controllerPermissions(object).stream()).map(p -> p.resolve(values)).toList();
    }

    @Test
    void sourceAdapterPolicyHasThePagesActionsPlusVisibilityChanges() {
        assertThat(source.descriptor().adapterPermissions()).singleElement().satisfies(p -> {
            assertThat(p.sid()).isEqualTo("S3SourceConsumeMessages");
            assertThat(p.actions()).containsExactlyInAnyOrderElementsOf(Stream.concat(PAGE_ADAPTER_ACTIONS.stream(),
                    Stream.of(VISIBILITY)).toList());
        });
    }

    @Test
    void sourceControllerPolicyHasExactlyThePagesStatements() {
        assertThat(source.descriptor().controllerPermissions()).extracting(IamPermission::sid)
                .containsExactly("S3SourceGetBucketLocation", "S3SourceManageQueue");
        assertThat(source.descriptor().controllerPermissions().get(0).actions())
                .containsExactlyInAnyOrderElementsOf(PAGE_BUCKET_ACTIONS);
        assertThat(source.descriptor().controllerPermissions().get(1).actions())
                .containsExactlyInAnyOrderElementsOf(PAGE_QUEUE_ACTIONS);
    }

    @Test
    void generatedSourcePolicyContainsThePagesActionsAndOnlyOneMore() {
        List<String> actions = sourcePolicy(S3Fixtures.object(AwsS3SourceKind.KIND, S3Fixtures.validSource()))
                .stream().flatMap(p -> p.actions().stream()).distinct().toList();
        assertThat(actions).containsExactlyInAnyOrderElementsOf(Stream.of(PAGE_ADAPTER_ACTIONS, PAGE_BUCKET_ACTIONS,
                PAGE_QUEUE_ACTIONS, List.of(VISIBILITY)).flatMap(List::stream).distinct().toList());
    }

    @Test
    void managedQueuePolicyIsScopedToTheBucketAndTheSourcesOwnQueue() {
        ObjectContext<AwsS3SourceSpec> object = S3Fixtures.object(AwsS3SourceKind.KIND,
                S3Fixtures.source(S3Fixtures.REGIONAL_BUCKET_ARN, "s3:ObjectCreated:*"));
        String queue = "arn:aws:sqs:us-west-2:123456789012:" + QueueNames.forSource("default", "my-source");

        assertThat(sourcePolicy(object)).extracting(IamPermission::resources).containsExactly(
                List.of(queue), List.of("arn:aws:s3:::my-bucket"), List.of(queue));
    }

    @Test
    void managedQueueRegionAndAccountComeFromThePublishedQueueArnOnceKnown() {
        ObjectContext<AwsS3SourceSpec> object = S3Fixtures.object(AwsS3SourceKind.KIND, S3Fixtures.validSource(),
                Map.of("queueARN", "arn:aws:sqs:eu-central-1:111122223333:triggermesh-s3_default_my-source"));

        assertThat(source.permissionValues(object)).containsEntry("region", "eu-central-1")
                .containsEntry("account", "111122223333")
                .containsEntry("queueName", "triggermesh-s3_default_my-source")
                .containsEntry("bucket", "my-bucket");
    }

    @Test
    void unknownRegionAndAccountRenderAsWildcardsNotAsGuesses() {
        ObjectContext<AwsS3SourceSpec> object = S3Fixtures.object(AwsS3SourceKind.KIND, S3Fixtures.validSource());
        assertThat(sourcePolicy(object).get(0).resources()).containsExactly(
                "arn:aws:sqs:*:*:" + QueueNames.forSource("default", "my-source"));
    }

    @Test
    void userSuppliedQueueGetsNoQueueManagementPermissions() {
        ObjectContext<AwsS3SourceSpec> object = S3Fixtures.object(AwsS3SourceKind.KIND,
                S3Fixtures.sourceWithQueue(S3Fixtures.BUCKET_ARN, S3Fixtures.USER_QUEUE_ARN));

        assertThat(source.controllerPermissions(object)).extracting(IamPermission::sid)
                .containsExactly("S3SourceGetBucketLocation");
        assertThat(sourcePolicy(object)).extracting(IamPermission::resources).containsExactly(
                List.of(S3Fixtures.USER_QUEUE_ARN), List.of("arn:aws:s3:::my-bucket"));
    }

    @Test
    void kindLevelPolicyIsTheGeneralOneWithWildcards() {
        assertThat(source.descriptor().adapterPermissions().get(0).resolve(Map.of()).resources())
                .containsExactly("arn:*:sqs:*:*:*");
        assertThat(source.descriptor().controllerPermissions().get(0).resolve(Map.of()).resources())
                .containsExactly("arn:*:s3:::*");
    }

    @Test
    void targetAdapterMayOnlyPutObjectsIntoItsBucket() {
        Map<String, String> values = target.permissionValues(S3Fixtures.object(AwsS3TargetKind.KIND,
                S3Fixtures.target("arn:aws-cn:s3:::cn-bucket")));

        assertThat(target.descriptor().adapterPermissions()).singleElement()
                .satisfies(p -> {
                    assertThat(p.actions()).containsExactly("s3:PutObject");
                    assertThat(p.resolve(values).resources()).containsExactly("arn:aws-cn:s3:::cn-bucket/*");
                });
        assertThat(target.descriptor().controllerPermissions()).isEmpty();
    }

    @Test
    void invalidArnsGiveNoValuesRatherThanFailing() {
        assertThat(target.permissionValues(S3Fixtures.object(AwsS3TargetKind.KIND, S3Fixtures.target("nope"))))
                .isEmpty();
        assertThat(source.permissionValues(S3Fixtures.object(AwsS3SourceKind.KIND,
                S3Fixtures.sourceWithQueue("nope", "nope")))).isEmpty();
    }
}
