package io.triggermesh.aws.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for IAM actions and statement ids, at its boundaries. */
class IamPermissionTest {

    @ParameterizedTest
    @ValueSource(strings = {"sqs:ReceiveMessage", "s3:GetObject", "sqs:*", "s3:Get*", "s3:Get?bject",
            "ec2-instance-connect:SendSSHPublicKey", "S3:GetObject", "iam:PassRole", "kms:Decrypt"})
    void declaresTheseActions(String action) {
        assertThat(IamPermission.isAction(action)).isTrue();
        assertThat(IamPermission.of("S", List.of(action), "*").actions()).containsExactly(action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "GetObject", "s3:", ":GetObject", "s3:Get Object", "s3:Get-Object", "s3:*:x",
            "s3 :GetObject", "s3:GetObject\n", "s_3:GetObject", "s3:Get/Object", ""})
    void refusesWhatIsNotAnAction(String action) {
        assertThat(IamPermission.isAction(action)).isFalse();
        assertThatThrownBy(() -> IamPermission.of("S", List.of(action), "*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IAM action (service:Action): " + action);
    }

    @Test
    void sidsAreLettersAndDigits() {
        assertThat(IamPermission.isSid("Consume2")).isTrue();
        assertThat(IamPermission.isSid("has space")).isFalse();
        assertThat(IamPermission.isSid("with-dash")).isFalse();
        assertThat(IamPermission.isSid("")).isFalse();
        assertThat(IamPermission.isSid(null)).isFalse();
        assertThatThrownBy(() -> IamPermission.of("with-dash", List.of("s3:GetObject"), "*"))
                .hasMessage("sid must be alphanumeric: with-dash");
    }

    @Test
    void aStatementNeedsAnActionAndAResource() {
        assertThatThrownBy(() -> IamPermission.of("S", List.of()))
                .hasMessage("statement S needs at least one action and one resource");
    }

    @Test
    void placeholdersWithoutAValueBecomeAWildcard() {
        IamPermission permission = IamPermission.of("S", List.of("sqs:ReceiveMessage"),
                "arn:${partition}:sqs:${region}:${account}:${queueName}");

        assertThat(permission.resolve(Map.of("partition", "aws", "queueName", "q")).resources())
                .containsExactly("arn:aws:sqs:*:*:q");
    }
}
