package io.triggermesh.aws.auth.iam;

/** The policy documents of the original TriggerMesh credentials guide, verbatim (docs/auth.md, "IAM permissions", shows
 * what this project declares instead). */
final class PagePolicies {

    /** What the guide says the S3 source adapter needs. */
    static final String S3_SOURCE_ADAPTER = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "S3SourceConsumeMessages",
                        "Effect": "Allow",
                        "Action": [
                            "sqs:GetQueueUrl",
                            "sqs:ReceiveMessage",
                            "sqs:DeleteMessage"
                        ],
                        "Resource": "arn:aws:sqs:*:*:*"
                    }
                ]
            }
            """;

    /** What the guide says the controller needs to manage the S3 source's queue and notifications. */
    static final String S3_SOURCE_CONTROLLER = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Sid": "S3SourceGetBucketLocation",
                        "Effect": "Allow",
                        "Action": [
                            "s3:GetBucketLocation",
                            "s3:GetBucketNotification",
                            "s3:PutBucketNotification"
                        ],
                        "Resource": "arn:aws:s3:::*"
                    },
                    {
                        "Sid": "S3SourceManageQueue",
                        "Effect": "Allow",
                        "Action": [
                            "sqs:CreateQueue",
                            "sqs:DeleteQueue",
                            "sqs:GetQueueAttributes",
                            "sqs:SetQueueAttributes",
                            "sqs:GetQueueUrl",
                            "sqs:ListQueueTags",
                            "sqs:TagQueue"
                        ],
                        "Resource": "arn:aws:sqs:*:*:*"
                    }
                ]
            }
            """;

    /** The S3 target policy of the IRSA walkthrough: no Sid, a single string Action. */
    static final String S3_TARGET_FULL_ACCESS = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "*",
                        "Resource": "arn:aws:s3:::test-bucket"
                    }
                ]
            }
            """;

    /** The trust relationship of the IRSA walkthrough (a resource policy with a Principal). */
    static final String IRSA_TRUST_RELATIONSHIP = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {
                    "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.example"
                  },
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {
                    "StringEquals": {
                      "oidc.eks.example:aud": "sts.amazonaws.com"
                    }
                  }
                }
              ]
            }
            """;

    private PagePolicies() {
    }
}
