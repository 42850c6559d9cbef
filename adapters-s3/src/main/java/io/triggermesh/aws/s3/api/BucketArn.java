package io.triggermesh.aws.s3.api;

import io.triggermesh.aws.spi.api.Arn;
import io.triggermesh.aws.spi.api.Shown;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ARN of an S3 bucket. Besides AWS's own form {@code arn:aws:s3:::my-bucket}, the TriggerMesh API accepts the
 * bucket's region and account in the ARN ({@code arn:aws:s3:us-west-2:123456789012:my-bucket}) so that the
 * controller need not look them up.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param region the bucket's region, or empty when the ARN does not say
 * @param accountId the bucket owner's account, or empty when the ARN does not say
 * @param bucket the bucket name
 */
public record BucketArn(String partition, String region, String accountId, String bucket) {

    /** The example used in messages. */
    public static final String EXAMPLE = "arn:aws:s3:::my-bucket";
    /**
     * What the CRD schema accepts: the shape {@link #parse} requires, without the finer naming rules ("..", IP
     * addresses, reserved prefixes and suffixes) that only {@link #problem} explains.
     */
    public static final String PATTERN =
            "^arn:aws(-cn|-us-gov)?:s3:([a-z][a-z0-9-]*)?:([0-9]{12})?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";

    private static final Pattern BUCKET_CHARS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES =
            List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    /** The bucket ARN in {@code text}, when it is one with a valid bucket name. */
    public static Optional<BucketArn> parse(String text) {
        return Arn.parse(text)
                .filter(arn -> arn.service().equals("s3") && !arn.resource().contains("/"))
                .filter(arn -> nameProblem(arn.resource()).isEmpty())
                .map(arn -> new BucketArn(arn.partition(), arn.region(), arn.accountId(), arn.resource()));
    }

    /**
     * Why {@code text} is not a bucket ARN, phrased to follow the field's path, with the fix. {@code kind} names the
     * kind that needs the bucket, for example {@code AWSS3Source}.
     */
    public static Optional<String> problem(String text, String kind) {
        String needs = kind + " needs an S3 bucket ARN such as " + EXAMPLE;
        Optional<String> notS3 = Arn.serviceProblem(text, "s3", needs);
        if (notS3.isPresent()) {
            return notS3;
        }
        Arn arn = Arn.parse(text).orElseThrow();
        if (arn.resource().contains("/")) {
            String bucket = arn.resource().substring(0, arn.resource().indexOf('/'));
            return Optional.of("is an S3 object ARN; " + kind + " needs the bucket's ARN, arn:" + arn.partition()
                    + ":s3:::" + bucket);
        }
        return nameProblem(arn.resource()).map(reason -> "names bucket " + Shown.quoted(arn.resource()) + ", which " + reason);
    }

    /**
     * Why {@code name} breaks S3's naming rules for general purpose buckets, or empty when it follows them: 3 to 63
     * lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no "..", not an IP address,
     * none of the prefixes and suffixes S3 reserves.
     */
    public static Optional<String> nameProblem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return Optional.of("is " + name.length() + " characters long: bucket names have 3 to 63 characters");
        }
        if (!BUCKET_CHARS.matcher(name).matches()) {
            boolean upper = BUCKET_CHARS.matcher(name.toLowerCase(java.util.Locale.ROOT)).matches();
            return Optional.of(upper ? "contains uppercase letters: bucket names are lowercase"
                    : "contains characters other than lowercase letters, digits, '.' and '-'");
        }
        if (!isLetterOrDigit(name.charAt(0)) || !isLetterOrDigit(name.charAt(name.length() - 1))) {
            return Optional.of("must start and end with a letter or digit");
        }
        if (name.contains("..")) {
            return Optional.of("contains two adjacent periods");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return Optional.of("is formatted as an IP address, which S3 does not allow");
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Optional.of("starts with '" + prefix + "', a prefix S3 reserves");
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("ends with '" + suffix + "', a suffix S3 reserves");
            }
        }
        return Optional.empty();
    }

    public Optional<String> knownRegion() {
        return region.isEmpty() ? Optional.empty() : Optional.of(region);
    }

    public Optional<String> knownAccountId() {
        return accountId.isEmpty() ? Optional.empty() : Optional.of(accountId);
    }

    /** The ARN IAM and S3 know the bucket by, without region and account: {@code arn:aws:s3:::my-bucket}. */
    public String iamArn() {
        return "arn:" + partition + ":s3:::" + bucket;
    }

    /** The ARN as the TriggerMesh API writes it, region and account included when known. */
    @Override
    public String toString() {
        return "arn:" + partition + ":s3:" + region + ":" + accountId + ":" + bucket;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
