package io.triggermesh.aws.spi.api;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ARN of an SQS queue: {@code arn:<partition>:sqs:<region>:<12-digit account>:<queue name>}. Region and account
 * are required; the adapter resolves the queue URL from them with GetQueueUrl, never by string concatenation.
 *
 * <p>The one home of the queue ARN rules: the SQS kinds' {@code spec.arn}, the S3 source's
 * {@code spec.destination.sqs.queueARN} (standard queues only, {@link #STANDARD_PATTERN}), the queue an S3 source
 * adapter reads and the queue the S3 source's resource code finds in its status all parse with {@link #parse}, and
 * the CRD patterns are these constants.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param region the queue's region
 * @param accountId the queue owner's account
 * @param name the queue name, ending in {@code .fifo} for FIFO queues
 */
public record QueueArn(String partition, String region, String accountId, String name) {

    /** The example used in messages. */
    public static final String EXAMPLE = "arn:aws:sqs:us-east-1:123456789012:my-queue";
    /** What the CRD schema accepts: region, 12-digit account and a standard or FIFO queue name. */
    public static final String PATTERN = "^arn:aws(-cn|-us-gov)?:sqs:[a-z][a-z0-9-]*:[0-9]{12}:"
            + "([A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo)$";
    /** What the CRD schema accepts where only a standard (not FIFO) queue will do, as for S3 notifications. */
    public static final String STANDARD_PATTERN =
            "^arn:aws(-cn|-us-gov)?:sqs:[a-z][a-z0-9-]*:[0-9]{12}:[A-Za-z0-9_-]{1,80}$";
    /** The suffix SQS requires on (and reserves for) FIFO queue names. */
    public static final String FIFO_SUFFIX = ".fifo";

    private static final Pattern STANDARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");

    /** The queue ARN in {@code text}, when it is one. */
    public static Optional<QueueArn> parse(String text) {
        return Arn.parse(text)
                .filter(arn -> arn.service().equals("sqs") && arn.hasRegion() && arn.hasAccountId())
                .filter(arn -> isValidName(arn.resource()))
                .map(arn -> new QueueArn(arn.partition(), arn.region(), arn.accountId(), arn.resource()));
    }

    /**
     * Why {@code text} is not a queue ARN, phrased to follow the field's path, with the fix. {@code kind} names the
     * kind that needs the queue, for example {@code AWSSQSTarget}.
     */
    public static Optional<String> problem(String text, String kind) {
        Optional<String> address = addressProblem(text, kind + " needs an SQS queue ARN such as " + EXAMPLE);
        if (address.isPresent()) {
            return address;
        }
        Arn arn = Arn.parse(text).orElseThrow();
        if (!isValidName(arn.resource())) {
            return Optional.of("names queue " + Shown.quoted(arn.resource()) + "; queue names have 1 to 80 letters, digits, '-'"
                    + " and '_', and FIFO queue names end in .fifo within those 80");
        }
        return Optional.empty();
    }

    /**
     * Why {@code text} is not an ARN of some SQS queue with region and account, each message ending in
     * {@code needs} (what the field needs, with an example); the queue name is not checked.
     */
    public static Optional<String> addressProblem(String text, String needs) {
        return Arn.regionalProblem(text, "sqs", "queue", needs);
    }

    /** Whether {@code name} is a valid standard (not FIFO) queue name. */
    public static boolean isStandardName(String name) {
        return STANDARD_NAME.matcher(name).matches();
    }

    /** Whether {@code name} is a valid standard or FIFO queue name. */
    public static boolean isValidName(String name) {
        return name.endsWith(FIFO_SUFFIX) ? FIFO_NAME.matcher(name).matches() : STANDARD_NAME.matcher(name).matches();
    }

    /** Whether this is a FIFO queue, which SQS marks by the {@code .fifo} suffix of its name. */
    public boolean isFifo() {
        return name.endsWith(FIFO_SUFFIX);
    }

    /** The ARN text. */
    @Override
    public String toString() {
        return "arn:" + partition + ":sqs:" + region + ":" + accountId + ":" + name;
    }
}
