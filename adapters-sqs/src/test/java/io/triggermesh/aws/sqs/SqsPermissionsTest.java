package io.triggermesh.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.spi.IamPermission;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IAM statements the SQS kinds declare, rendered for objects as the controller would. */
class SqsPermissionsTest {

    private final AwsSqsSourceKind source = new AwsSqsSourceKind(SqsFixtures.IMAGE);
    private final AwsSqsTargetKind target = new AwsSqsTargetKind(SqsFixtures.IMAGE);

    @Test
    void sourceAdapterMayConsumeOnlyItsQueue() {
        Map<String, String> values = source.permissionValues(SqsFixtures.object(AwsSqsSourceKind.KIND,
                SqsFixtures.source(SqsFixtures.QUEUE_ARN)));

        assertThat(source.descriptor().adapterPermissions()).singleElement().satisfies(p -> {
            assertThat(p.actions()).containsExactlyInAnyOrder("sqs:GetQueueUrl", "sqs:ReceiveMessage",
                    "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
            assertThat(p.resolve(values).resources()).containsExactly(SqsFixtures.QUEUE_ARN);
        });
        assertThat(source.descriptor().controllerPermissions()).isEmpty();
    }

    @Test
    void targetAdapterMayOnlySendToItsQueue() {
        Map<String, String> values = target.permissionValues(SqsFixtures.object(AwsSqsTargetKind.KIND,
                SqsFixtures.target("arn:aws-us-gov:sqs:us-gov-west-1:123456789012:orders.fifo", "g")));

        assertThat(target.descriptor().adapterPermissions()).singleElement().satisfies(p -> {
            assertThat(p.actions()).containsExactlyInAnyOrder("sqs:SendMessage", "sqs:GetQueueUrl");
            assertThat(p.resolve(values).resources())
                    .containsExactly("arn:aws-us-gov:sqs:us-gov-west-1:123456789012:orders.fifo");
        });
        assertThat(target.descriptor().controllerPermissions()).isEmpty();
    }

    @Test
    void kmsActionsAreNotGrantedByDefault() {
        assertThat(source.descriptor().adapterPermissions()).flatExtracting(IamPermission::actions)
                .noneMatch(a -> a.startsWith("kms:"));
        assertThat(target.descriptor().adapterPermissions()).flatExtracting(IamPermission::actions)
                .noneMatch(a -> a.startsWith("kms:"));
    }

    @Test
    void kindLevelPolicyIsTheGeneralOneWithWildcards() {
        assertThat(target.descriptor().adapterPermissions().get(0).resolve(Map.of()).resources())
                .containsExactly("arn:*:sqs:*:*:*");
    }

    @Test
    void invalidArnsGiveNoValuesRatherThanFailing() {
        assertThat(source.permissionValues(SqsFixtures.object(AwsSqsSourceKind.KIND,
                SqsFixtures.source("arn:aws:sqs:1234abcd:queue_name")))).isEmpty();
    }
}
