package io.triggermesh.aws.auth.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggermesh.aws.spi.IamPermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's S3 source policies, placeholders and the JSON layout. Merging is in {@link IamPolicyMergeTest}. */
class IamPolicyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final List<IamPermission> S3_SOURCE_ADAPTER = List.of(IamPermission.of("S3SourceConsumeMessages",
            List.of("sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage"),
            "arn:${partition}:sqs:${region}:${account}:${queueName}"));

    static final List<IamPermission> S3_SOURCE_CONTROLLER = List.of(
            IamPermission.of("S3SourceGetBucketLocation",
                    List.of("s3:GetBucketLocation", "s3:GetBucketNotification", "s3:PutBucketNotification"),
                    "arn:${partition}:s3:::${bucket}"),
            IamPermission.of("S3SourceManageQueue",
                    List.of("sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes",
                            "sqs:GetQueueUrl", "sqs:ListQueueTags", "sqs:TagQueue"),
                    "arn:${partition}:sqs:${region}:${account}:${queueName}"));

    /** Placeholders of the original guide's general policies: the partition is known, everything else is a wildcard. */
    static final Map<String, String> GENERAL = Map.of("partition", "aws");

    @Test
    void s3SourceAdapterPolicyOnThePageIsRenderedFromTheDeclaredPermissions() throws Exception {
        IamPolicy policy = IamPolicy.from(S3_SOURCE_ADAPTER, GENERAL);

        assertThat(policy).isEqualTo(IamPolicy.parse(PagePolicies.S3_SOURCE_ADAPTER));
        assertSameContent(JSON.readTree(policy.toJson()), JSON.readTree(PagePolicies.S3_SOURCE_ADAPTER));
    }

    @Test
    void s3SourceControllerPolicyOnThePageIsRenderedFromTheDeclaredPermissions() throws Exception {
        IamPolicy policy = IamPolicy.from(S3_SOURCE_CONTROLLER, GENERAL);

        assertThat(policy).isEqualTo(IamPolicy.parse(PagePolicies.S3_SOURCE_CONTROLLER));
        assertSameContent(JSON.readTree(policy.toJson()), JSON.readTree(PagePolicies.S3_SOURCE_CONTROLLER));
    }

    @Test
    void s3TargetPolicyWithSingleStringActionAndNoSidParses() {
        IamPolicy policy = IamPolicy.parse(PagePolicies.S3_TARGET_FULL_ACCESS);

        assertThat(policy.statements()).containsExactly(
                IamStatement.allow(null, List.of("*"), List.of("arn:aws:s3:::test-bucket")));
        assertThat(policy.toJson()).doesNotContain("Sid");
    }

    @Test
    void trustPoliciesWithAPrincipalAreRefusedRatherThanTruncated() {
        assertThatThrownBy(() -> IamPolicy.parse(PagePolicies.IRSA_TRUST_RELATIONSHIP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Principal");
    }

    @Test
    void placeholdersAreFilledFromTheObjectAndOthersBecomeWildcards() {
        IamPolicy policy = IamPolicy.from(S3_SOURCE_CONTROLLER,
                Map.of("partition", "aws-cn", "bucket", "photos", "region", "cn-north-1", "account", "123456789012"));

        assertThat(policy.statements()).extracting(IamStatement::resources).containsExactly(
                List.of("arn:aws-cn:s3:::photos"),
                List.of("arn:aws-cn:sqs:cn-north-1:123456789012:*"));
    }

    @Test
    void withoutAnyValueEveryPlaceholderIsAWildcard() {
        assertThat(IamPolicy.from(S3_SOURCE_ADAPTER, Map.of()).statements().get(0).resources())
                .containsExactly("arn:*:sqs:*:*:*");
    }

    @Test
    void jsonHasAStableElementOrderAndLayout() {
        IamPolicy policy = IamPolicy.of(IamStatement.allow("Send", List.of("sqs:SendMessage"),
                        List.of("arn:aws:sqs:eu-west-1:123456789012:q"))
                .withCondition("StringEquals", "aws:SourceAccount", "123456789012"));

        assertThat(policy.toJson()).isEqualTo("""
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "Send",
                            "Effect": "Allow",
                            "Action": [
                                "sqs:SendMessage"
                            ],
                            "Resource": [
                                "arn:aws:sqs:eu-west-1:123456789012:q"
                            ],
                            "Condition": {
                                "StringEquals": {
                                    "aws:SourceAccount": [
                                        "123456789012"
                                    ]
                                }
                            }
                        }
                    ]
                }""");
        assertThat(IamPolicy.parse(policy.toJson())).isEqualTo(policy);
    }

    @Test
    void compactJsonIsTheSameDocumentWithoutWhitespace() throws Exception {
        IamPolicy policy = IamPolicy.from(S3_SOURCE_CONTROLLER, GENERAL);

        assertThat(policy.toCompactJson()).doesNotContain("\n", " ");
        assertThat(JSON.readTree(policy.toCompactJson())).isEqualTo(JSON.readTree(policy.toJson()));
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(IamPolicy.from(S3_SOURCE_CONTROLLER, GENERAL).toJson())
                .isEqualTo(IamPolicy.from(S3_SOURCE_CONTROLLER, GENERAL).toJson());
    }

    @Test
    void actionsListsEveryActionOnceSorted() {
        IamPolicy policy = IamPolicy.from(S3_SOURCE_CONTROLLER, GENERAL);

        assertThat(policy.actions()).containsExactly("s3:GetBucketLocation", "s3:GetBucketNotification",
                "s3:PutBucketNotification", "sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes",
                "sqs:GetQueueUrl", "sqs:ListQueueTags", "sqs:SetQueueAttributes", "sqs:TagQueue");
    }

    @Test
    void duplicateSidsInOneDocumentAreRefused() {
        IamStatement a = IamStatement.allow("Same", List.of("sqs:GetQueueUrl"), List.of("*"));
        IamStatement b = IamStatement.allow("Same", List.of("s3:GetObject"), List.of("*"));

        assertThatThrownBy(() -> IamPolicy.of(a, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Same");
    }

    /** Version, Sid, Effect and Action as written, Resource compared as a list (the guide writes a single string). */
    private static void assertSameContent(JsonNode actual, JsonNode expected) {
        assertThat(actual.get("Version")).isEqualTo(expected.get("Version"));
        assertThat(actual.get("Statement")).hasSameSizeAs(expected.get("Statement"));
        for (int i = 0; i < expected.get("Statement").size(); i++) {
            JsonNode a = actual.get("Statement").get(i);
            JsonNode e = expected.get("Statement").get(i);
            assertThat(a.get("Sid")).isEqualTo(e.get("Sid"));
            assertThat(a.get("Effect")).isEqualTo(e.get("Effect"));
            assertThat(a.get("Action")).isEqualTo(e.get("Action"));
            assertThat(strings(a.get("Resource"))).isEqualTo(strings(e.get("Resource")));
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(value -> out.add(value.asText()));
        }
        return out;
    }
}
