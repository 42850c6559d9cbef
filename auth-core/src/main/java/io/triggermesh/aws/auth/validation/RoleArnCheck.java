package io.triggermesh.aws.auth.validation;

import io.triggermesh.aws.auth.model.RoleArn;
import io.triggermesh.aws.auth.model.StsNames;
import io.triggermesh.aws.spi.api.Arn;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the role-ARN fields with {@link RoleArn#isValid} (exactly the pattern the original API enforced), and
 * when one does not match, works out what was given instead: people paste the bucket or queue ARN of the connector,
 * a user ARN, or the session ARN that {@code sts get-caller-identity} prints. The ARN itself is never repeated.
 */
final class RoleArnCheck {

    static final String EXAMPLE = "arn:aws:iam::123456789012:role/name";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private static final Map<String, String> SERVICES = Map.ofEntries(
            Map.entry("sqs", "an SQS queue ARN"),
            Map.entry("sns", "an SNS topic ARN"),
            Map.entry("kinesis", "a Kinesis stream ARN"),
            Map.entry("firehose", "a Firehose delivery stream ARN"),
            Map.entry("lambda", "a Lambda function ARN"),
            Map.entry("dynamodb", "a DynamoDB table ARN"),
            Map.entry("events", "an EventBridge ARN"),
            Map.entry("kms", "a KMS key ARN"),
            Map.entry("secretsmanager", "a Secrets Manager secret ARN"),
            Map.entry("logs", "a CloudWatch Logs ARN"),
            Map.entry("eks", "an EKS ARN"));

    private static final Map<String, String> IAM_RESOURCES = Map.of(
            "user/", "an IAM user ARN",
            "group/", "an IAM group ARN",
            "policy/", "an IAM policy ARN",
            "instance-profile/", "an IAM instance profile ARN; give the ARN of the role inside it",
            "oidc-provider/", "an IAM OIDC provider ARN");

    private RoleArnCheck() {
    }

    static boolean isValid(String arn) {
        return RoleArn.isValid(arn);
    }

    /** The problem message for {@code field} holding {@code arn}, or empty when it is a valid role ARN. */
    static Optional<String> problem(String field, String arn) {
        if (isValid(arn)) {
            return Optional.empty();
        }
        return Optional.of(diagnose(arn) + "; " + field + " needs an IAM role ARN like " + EXAMPLE);
    }

    /**
     * Why the valid role ARN {@code arn} cannot act on {@code resources} (ARNs by path): credentials of one
     * partition are unknown in another, so a role of {@code aws-cn} can never reach an {@code aws} queue. Empty when
     * every resource is in the role's partition.
     */
    static Optional<String> partitionProblem(String arn, Map<String, Arn> resources) {
        Optional<RoleArn> role = RoleArn.parse(arn);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        String partition = role.get().partition();
        return resources.entrySet().stream().filter(r -> !r.getValue().partition().equals(partition)).findFirst()
                .map(r -> "is a role of partition " + partition + " but " + r.getKey() + " is in partition "
                        + r.getValue().partition() + ", and a role can act only within its own partition: use a role"
                        + " of partition " + r.getValue().partition() + " (arn:" + r.getValue().partition()
                        + ":iam::<account>:role/<name>), or a resource in " + partition);
    }

    private static String diagnose(String arn) {
        if (arn.isBlank()) {
            return "is empty";
        }
        if (!arn.strip().equals(arn)) {
            return "has leading or trailing whitespace";
        }
        if (arn.startsWith("<") && arn.endsWith(">")) {
            return "is still a placeholder from an example, not an ARN";
        }
        if (!arn.startsWith("arn:")) {
            return StsNames.hasOnlyNameChars(arn) ? "looks like a role name, not an ARN" : "is not an ARN";
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return "is not a complete ARN (arn:partition:service:region:account:resource)";
        }
        String partition = parts[1];
        String service = parts[2];
        String resource = parts[5];
        if (service.equals("s3")) {
            return resource.contains("/") ? "this is an S3 object ARN" : "this is an S3 bucket ARN";
        }
        if (service.equals("sts") && resource.startsWith("assumed-role/")) {
            return "this is an STS assumed-role session ARN (as printed by sts get-caller-identity), not the role's";
        }
        if (!service.equals("iam")) {
            return "this is " + SERVICES.getOrDefault(service, "an ARN of another service") + ", not an IAM role ARN";
        }
        for (Map.Entry<String, String> kind : IAM_RESOURCES.entrySet()) {
            if (resource.startsWith(kind.getKey())) {
                return "this is " + kind.getValue();
            }
        }
        return diagnoseRole(partition, parts[3], parts[4], resource);
    }

    private static String diagnoseRole(String partition, String region, String account, String resource) {
        if (!partition.equals("aws") && !partition.equals("aws-cn") && !partition.equals("aws-us-gov")) {
            return "uses an unsupported partition (supported: aws, aws-cn, aws-us-gov)";
        }
        if (!region.isEmpty()) {
            return "has a region, but IAM ARNs have none (arn:" + partition + ":iam::...)";
        }
        if (!ACCOUNT.matcher(account).matches()) {
            return "has an account ID that is not exactly 12 digits";
        }
        if (!resource.startsWith("role/")) {
            return "is an IAM ARN but not of a role (the resource must start with role/)";
        }
        if (resource.length() == "role/".length()) {
            return "has no role name after role/";
        }
        return "is not a valid IAM role ARN";
    }
}
