package io.triggermesh.aws.auth.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggermesh.aws.spi.IamPermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IamStatementTest {

    @Test
    void actionsAndResourcesKeepTheirOrderWithoutDuplicates() {
        IamStatement statement = IamStatement.allow("S", List.of("sqs:ReceiveMessage", "sqs:GetQueueUrl",
                "sqs:ReceiveMessage"), List.of("arn:aws:sqs:*:*:b", "arn:aws:sqs:*:*:a", "arn:aws:sqs:*:*:b"));

        assertThat(statement.actions()).containsExactly("sqs:ReceiveMessage", "sqs:GetQueueUrl");
        assertThat(statement.resources()).containsExactly("arn:aws:sqs:*:*:b", "arn:aws:sqs:*:*:a");
    }

    @Test
    void conditionIsCanonicalSoEqualConditionsAreEqual() {
        IamStatement a = IamStatement.allow("S", List.of("sqs:SendMessage"), List.of("*"))
                .withCondition("StringEquals", "aws:SourceAccount", "2", "1")
                .withCondition("ArnLike", "aws:SourceArn", "arn:aws:s3:::b");
        IamStatement b = new IamStatement("S", IamStatement.Effect.ALLOW, List.of("sqs:SendMessage"), List.of("*"),
                Map.of("ArnLike", Map.of("aws:SourceArn", List.of("arn:aws:s3:::b")),
                        "StringEquals", Map.of("aws:SourceAccount", List.of("1", "2", "1"))));

        assertThat(a).isEqualTo(b);
        assertThat(a.condition().keySet()).containsExactly("ArnLike", "StringEquals");
        assertThat(a.condition().get("StringEquals").get("aws:SourceAccount")).containsExactly("1", "2");
    }

    @Test
    void withConditionAddsValuesToAnExistingKey() {
        IamStatement statement = IamStatement.allow("S", List.of("sqs:SendMessage"), List.of("*"))
                .withCondition("StringEquals", "aws:SourceAccount", "1")
                .withCondition("StringEquals", "aws:SourceAccount", "2");

        assertThat(statement.condition()).isEqualTo(
                Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("1", "2"))));
    }

    @Test
    void invalidStatementsAreRefused() {
        assertThatThrownBy(() -> IamStatement.allow("has space", List.of("s3:GetObject"), List.of("*")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IamStatement.allow("S", List.of("GetObject"), List.of("*")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IamStatement.allow("S", List.of(), List.of("*")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IamStatement.allow("S", List.of("s3:GetObject"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "sqs:ReceiveMessage", "sqs:*", "s3:Get?bject", "S3:GetObject",
            "ec2-instance-connect:SendSSHPublicKey"})
    void acceptsTheSpiActionsAndABareStar(String action) {
        assertThat(IamStatement.allow("S", List.of(action), List.of("*")).actions()).containsExactly(action);
        assertThat(IamStatement.isAction(action)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"**", "GetObject", "s3:", ":GetObject", "s3:Get Object", "s3:Get-Object", "s3:*:x",
            "s3:GetObject\n", " *"})
    void refusesWhatTheSpiRefusesExceptABareStar(String action) {
        assertThat(IamPermission.isAction(action)).isFalse();
        assertThatThrownBy(() -> IamStatement.deny("S", List.of(action), List.of("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IAM action (service:Action or *): " + action);
    }

    @Test
    void aDeclaredPermissionBecomesAnAllowStatement() {
        IamStatement statement = IamStatement.from(
                IamPermission.of("Consume", List.of("sqs:ReceiveMessage"), "arn:aws:sqs:*:*:*"));

        assertThat(statement).isEqualTo(new IamStatement("Consume", IamStatement.Effect.ALLOW,
                List.of("sqs:ReceiveMessage"), List.of("arn:aws:sqs:*:*:*"), null));
        assertThat(statement.hasCondition()).isFalse();
    }
}
