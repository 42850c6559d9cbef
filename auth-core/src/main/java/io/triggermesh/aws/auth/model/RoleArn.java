package io.triggermesh.aws.auth.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed IAM role ARN ({@code arn:aws|aws-cn|aws-us-gov:iam::<12 digits>:role/<path/name>}). This is the one
 * definition of what a role ARN is: the CRD schema ({@link #PATTERN}), the admission checks (which explain a
 * mismatch, {@code validation.RoleArnCheck}), the credential builders and local mode's {@code --pod-identity} all
 * call it.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param accountId the 12-digit account
 * @param roleName the last path segment of the role
 */
public record RoleArn(String partition, String accountId, String roleName) {

    /** The pattern the original API enforced; kept identical so that valid manifests stay valid. */
    public static final String PATTERN = "^arn:aws(-cn|-us-gov)?:iam::\\d{12}:role\\/.+$";
    private static final Pattern ROLE = Pattern.compile(PATTERN);
    private static final String ROLE_PREFIX = "role/";

    /** Whether {@code arn} is an IAM role ARN ({@link #PATTERN}); {@code null} is not. */
    public static boolean isValid(String arn) {
        return arn != null && ROLE.matcher(arn).matches();
    }

    public static Optional<RoleArn> parse(String arn) {
        if (!isValid(arn)) {
            return Optional.empty();
        }
        // arn : partition : iam : (no region) : account : role/path/name; the path may itself hold colons.
        String[] parts = arn.split(":", 6);
        String path = parts[5].substring(ROLE_PREFIX.length());
        return Optional.of(new RoleArn(parts[1], parts[4], path.substring(path.lastIndexOf('/') + 1)));
    }
}
