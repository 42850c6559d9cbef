package io.triggermesh.aws.auth.iam;

import static io.triggermesh.aws.auth.iam.IamPolicyTest.GENERAL;
import static io.triggermesh.aws.auth.iam.IamPolicyTest.S3_SOURCE_ADAPTER;
import static io.triggermesh.aws.auth.iam.IamPolicyTest.S3_SOURCE_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IamPolicyMergeTest {

    static final IamPolicy ADAPTER = IamPolicy.from(S3_SOURCE_ADAPTER, GENERAL);
    static final IamPolicy CONTROLLER = IamPolicy.from(S3_SOURCE_CONTROLLER, GENERAL);

    @Test
    void statementsOnTheSameResourcesGetTheirActionsUnionedSortedAndDeduplicated() {
        IamPolicy merged = IamPolicy.merge(ADAPTER, CONTROLLER);

        assertThat(merged.statements()).containsExactly(
                IamStatement.allow("S3SourceConsumeMessages", List.of("sqs:CreateQueue", "sqs:DeleteMessage",
                        "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListQueueTags",
                        "sqs:ReceiveMessage", "sqs:SetQueueAttributes", "sqs:TagQueue"),
                        List.of("arn:aws:sqs:*:*:*")),
                IamStatement.allow("S3SourceGetBucketLocation", List.of("s3:GetBucketLocation",
                        "s3:GetBucketNotification", "s3:PutBucketNotification"), List.of("arn:aws:s3:::*")));
        TreeSet<String> both = new TreeSet<>(ADAPTER.actions());
        both.addAll(CONTROLLER.actions());
        assertThat(merged.actions()).isEqualTo(both);
    }

    @Test
    void mergeDoesNotDependOnTheOrderOfItsInputs() {
        assertThat(IamPolicy.merge(CONTROLLER, ADAPTER).toJson())
                .isEqualTo(IamPolicy.merge(ADAPTER, CONTROLLER).toJson());
    }

    @Test
    void mergingAPolicyWithItselfChangesNothingButTheCanonicalOrder() {
        IamPolicy once = IamPolicy.merge(CONTROLLER);

        assertThat(IamPolicy.merge(CONTROLLER, CONTROLLER)).isEqualTo(once);
        assertThat(IamPolicy.merge(once)).isEqualTo(once);
    }

    @Test
    void resourcesAreComparedAsASet() {
        IamPolicy a = IamPolicy.of(
                IamStatement.allow("A", List.of("s3:GetObject"), List.of("arn:aws:s3:::x", "arn:aws:s3:::y")));
        IamPolicy b = IamPolicy.of(
                IamStatement.allow("B", List.of("s3:PutObject"), List.of("arn:aws:s3:::y", "arn:aws:s3:::x")));

        assertThat(IamPolicy.merge(a, b).statements()).containsExactly(IamStatement.allow("A",
                List.of("s3:GetObject", "s3:PutObject"), List.of("arn:aws:s3:::x", "arn:aws:s3:::y")));
    }

    @Test
    void differentEffectsOrConditionsAreNotMerged() {
        IamStatement allow = IamStatement.allow("Allow", List.of("s3:GetObject"), List.of("*"));
        IamStatement deny = IamStatement.deny("Deny", List.of("s3:DeleteObject"), List.of("*"));
        IamStatement conditioned = IamStatement.allow("Tagged", List.of("s3:PutObject"), List.of("*"))
                .withCondition("StringEquals", "aws:ResourceTag/owner", "triggermesh");

        assertThat(IamPolicy.merge(IamPolicy.of(allow, deny, conditioned)).statements())
                .containsExactly(allow, deny, conditioned);
    }

    @Test
    void equalConditionsInAnotherValueOrderAreMerged() {
        IamStatement a = IamStatement.allow("A", List.of("sqs:SendMessage"), List.of("*"))
                .withCondition("StringEquals", "aws:SourceAccount", "111111111111", "222222222222");
        IamStatement b = IamStatement.allow("B", List.of("sqs:GetQueueUrl"), List.of("*"))
                .withCondition("StringEquals", "aws:SourceAccount", "222222222222", "111111111111");

        assertThat(IamPolicy.merge(IamPolicy.of(a), IamPolicy.of(b)).statements()).singleElement()
                .satisfies(statement -> assertThat(statement.actions())
                        .containsExactly("sqs:GetQueueUrl", "sqs:SendMessage"));
    }

    @Test
    void clashingSidsAreRenumberedDeterministicallySkippingUsedNumbers() {
        List<String> get = List.of("s3:GetObject");
        IamPolicy first = IamPolicy.of(IamStatement.allow("Read", get, List.of("arn:aws:s3:::a")),
                IamStatement.allow("Read2", get, List.of("arn:aws:s3:::c")));
        IamPolicy second = IamPolicy.of(IamStatement.allow("Read", get, List.of("arn:aws:s3:::b")));

        IamPolicy merged = IamPolicy.merge(second, first);

        assertThat(merged.statements()).extracting(IamStatement::sid, IamStatement::resources)
                .containsExactly(
                        tuple("Read", List.of("arn:aws:s3:::a")),
                        tuple("Read3", List.of("arn:aws:s3:::b")),
                        tuple("Read2", List.of("arn:aws:s3:::c")));
        assertThat(IamPolicy.merge(first, second)).isEqualTo(merged);
    }

    @Test
    void statementsWithoutSidComeLastAndKeepNoSid() {
        IamStatement anonymous = IamStatement.allow(null, List.of("s3:GetObject"), List.of("arn:aws:s3:::a"));
        IamStatement named = IamStatement.allow("Z", List.of("s3:GetObject"), List.of("arn:aws:s3:::b"));

        assertThat(IamPolicy.merge(IamPolicy.of(anonymous, named)).statements()).containsExactly(named, anonymous);
    }
}
