package io.triggermesh.aws.auth.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed IAM role ARN ({@code arn:aws|aws-cn|aws-us-gov:iam::<12 digits>:role/<path/name>}).
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param accountId the 12-digit account
 * @param roleName the last path segment of the role
 */
public record RoleArn(String partition, String accountId, String roleName) {

    /** The pattern the original API enforced; kept identical so that valid manifests stay valid. */
    public static final String PATTERN = "^arn:aws(-cn|-us-gov)?:iam::\\d{12}:role\\/.+$";
    private static final Pattern ROLE = Pattern.compile("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/(.+)$");

    public static Optional<RoleArn> parse(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = ROLE.matcher(arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(3);
        return Optional.of(new RoleArn(m.group(1), m.group(2), path.substring(path.lastIndexOf('/') + 1)));
    }
}
