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
    /** What AWS region names look like (us-east-1, ap-southeast-3, us-gov-west-1): such a region must exist. */
    private static final Pattern AWS_REGION_SHAPE = Pattern.compile("[a-z]+(-[a-z]+)+-\\d+");
    /*
     * The region names of each partition, as the AWS SDK's partition metadata (software.amazon.awssdk.regions,
     * PartitionMetadata#regionRegex) defines them. Copied rather than used: the SPI must not depend on the SDK's
     * regions module (see the enforcer rule in connector-spi/pom.xml). Names without the region shape, such as
     * "elasticmq", stay accepted for SQS-compatible servers.
     */
    private static final Map<String, Pattern> PARTITION_REGIONS = Map.of(
            "aws", Pattern.compile("(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+"),
            "aws-cn", Pattern.compile("cn-\\w+-\\d+"),
            "aws-us-gov", Pattern.compile("us-gov-\\w+-\\d+"));
    private static final Map<String, String> REGION_EXAMPLES = Map.of(
            "aws", "us-east-1 or eu-west-2", "aws-cn", "cn-north-1 or cn-northwest-1",
            "aws-us-gov", "us-gov-west-1 or us-gov-east-1");
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
        if (!parts[3].isEmpty() && (!REGION.matcher(parts[3]).matches() || !isInPartition(parts[1], parts[3]))) {
            return Optional.empty();
        }
        if (!parts[4].isEmpty() && !ACCOUNT.matcher(parts[4]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /**
     * Why {@code text} is not an ARN at all, for messages: a missing prefix, an unknown partition, a wrong number of
     * parts, a malformed account, a region its partition does not have. Empty when {@link #parse} accepts it.
     */
    public static Optional<String> syntaxProblem(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("is required");
        }
        if (parse(text).isPresent()) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        String shown = Shown.quoted(text);
        if (!parts[0].equals("arn")) {
            return Optional.of(shown + " is not an ARN: it must start with arn:");
        }
        if (parts.length < 6) {
            return Optional.of(shown + " is not a complete ARN: it needs six ':'-separated parts,"
                    + " arn:partition:service:region:account:resource");
        }
        if (!PARTITIONS.contains(parts[1])) {
            return Optional.of(shown + " names partition " + Shown.quoted(parts[1])
                    + ": use aws, aws-cn or aws-us-gov");
        }
        if (!parts[4].isEmpty() && !ACCOUNT.matcher(parts[4]).matches()) {
            return Optional.of(shown + " has account " + Shown.quoted(parts[4])
                    + ": an AWS account id is 12 digits");
        }
        if (!parts[3].isEmpty() && !REGION.matcher(parts[3]).matches()) {
            return Optional.of(shown + " has region " + Shown.quoted(parts[3]) + ": use a region such as us-east-1");
        }
        if (!parts[3].isEmpty() && !isInPartition(parts[1], parts[3])) {
            return Optional.of(shown + " has region " + Shown.quoted(parts[3]) + ", which partition " + parts[1]
                    + " does not have: use one of its regions, such as " + REGION_EXAMPLES.get(parts[1]));
        }
        return Optional.of(shown + " is not a valid ARN: arn:partition:service:region:account:resource");
    }

    /**
     * Why {@code text} is not an ARN of {@code service}, each message ending in {@code needs} (what the field needs,
     * with an example): the ARN syntax first, then the service. Empty when it is one; the resource is the caller's to
     * check. The one home of this check for every typed ARN (a bucket, a queue, a plugin's topic).
     */
    public static Optional<String> serviceProblem(String text, String service, String needs) {
        Optional<String> syntax = syntaxProblem(text);
        if (syntax.isPresent()) {
            return Optional.of(syntax.get() + "; " + needs);
        }
        Arn arn = parse(text).orElseThrow();
        if (!arn.service().equals(service)) {
            return Optional.of("is " + arn.description() + "; " + needs);
        }
        return Optional.empty();
    }

    /**
     * As {@link #serviceProblem}, and the ARN must name a region and an account, as a queue's or a topic's does;
     * {@code thing} names what the ARN stands for in the message, for example {@code queue}.
     */
    public static Optional<String> regionalProblem(String text, String service, String thing, String needs) {
        Optional<String> problem = serviceProblem(text, service, needs);
        if (problem.isPresent()) {
            return problem;
        }
        Arn arn = parse(text).orElseThrow();
        if (!arn.hasRegion() || !arn.hasAccountId()) {
            return Optional.of("lacks the " + thing + "'s region or account; " + needs);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code region} may appear in an ARN of {@code partition}: a name shaped like an AWS region must be one of
     * the partition's; other names (an emulator's, such as {@code elasticmq}) are left alone.
     */
    static boolean isInPartition(String partition, String region) {
        return !AWS_REGION_SHAPE.matcher(region).matches() || PARTITION_REGIONS.get(partition).matcher(region).matches();
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
