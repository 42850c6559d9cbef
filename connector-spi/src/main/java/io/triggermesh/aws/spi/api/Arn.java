package io.triggermesh.aws.spi.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A syntactically valid Amazon Resource Name, {@code arn:partition:service:region:account:resource}, in one of the
 * partitions this project supports. Connectors build their typed ARNs (a bucket, a queue) on top of it and use
 * {@link #description()} to say what a user gave when it is the wrong kind of ARN.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param service for example {@code s3} or {@code sqs}
 * @param region the region, empty for global resources such as S3 buckets
 * @param accountId the account, empty where the service leaves it out
 * @param resource everything after the fifth colon; may itself contain colons and slashes
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {

    /** The partitions an ARN may name. */
    public static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    // Loose on purpose: SQS-compatible servers use region names such as "elasticmq" in their ARNs.
    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "s3", "an S3 bucket ARN",
            "sqs", "an SQS queue ARN",
            "sns", "an SNS topic ARN",
            "iam", "an IAM ARN",
            "kms", "a KMS key ARN",
            "lambda", "a Lambda ARN",
            "kinesis", "a Kinesis ARN",
            "dynamodb", "a DynamoDB ARN",
            "events", "an EventBridge ARN");

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
    }

    /**
     * Parses {@code text}. Empty when it is not {@code arn:<partition>:<service>:<region>:<account>:<resource>} with a
     * supported partition, a service, and a non-empty resource; region and account may be empty but, when present,
     * the account is 12 digits.
     */
    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !PARTITIONS.contains(parts[1])
                || !SERVICE.matcher(parts[2]).matches() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        if (!parts[3].isEmpty() && !REGION.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        if (!parts[4].isEmpty() && !ACCOUNT.matcher(parts[4]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /**
     * Why {@code text} is not an ARN at all, for messages: a missing prefix, an unknown partition, a wrong number of
     * parts, a malformed account. Empty when {@link #parse} accepts it.
     */
    public static Optional<String> syntaxProblem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is required");
        }
        if (parse(text).isPresent()) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (!parts[0].equals("arn")) {
            return Optional.of("'" + text + "' is not an ARN: it must start with arn:");
        }
        if (parts.length < 6) {
            return Optional.of("'" + text + "' is not a complete ARN: it needs six ':'-separated parts,"
                    + " arn:partition:service:region:account:resource");
        }
        if (!PARTITIONS.contains(parts[1])) {
            return Optional.of("'" + text + "' names partition '" + parts[1] + "': use aws, aws-cn or aws-us-gov");
        }
        if (!parts[4].isEmpty() && !ACCOUNT.matcher(parts[4]).matches()) {
            return Optional.of("'" + text + "' has account '" + parts[4] + "': an AWS account id is 12 digits");
        }
        if (!parts[3].isEmpty() && !REGION.matcher(parts[3]).matches()) {
            return Optional.of("'" + text + "' has region '" + parts[3] + "': use a region such as us-east-1");
        }
        return Optional.of("'" + text + "' is not a valid ARN: arn:partition:service:region:account:resource");
    }

    /** Whether {@code accountId} is a 12-digit AWS account id. */
    public static boolean isAccountId(String accountId) {
        return accountId != null && ACCOUNT.matcher(accountId).matches();
    }

    public boolean hasRegion() {
        return !region.isEmpty();
    }

    public boolean hasAccountId() {
        return !accountId.isEmpty();
    }

    /** What kind of ARN this is, for messages, such as {@code an SQS queue ARN}. */
    public String description() {
        if (service.equals("s3") && resource.contains("/")) {
            return "an S3 object ARN";
        }
        return DESCRIPTIONS.getOrDefault(service, "an ARN of service " + service);
    }

    /** The ARN text. */
    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
