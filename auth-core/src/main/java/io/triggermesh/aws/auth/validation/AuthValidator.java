package io.triggermesh.aws.auth.validation;

import io.triggermesh.aws.auth.model.AssumeRoleOptions;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.StsNames;
import io.triggermesh.aws.spi.Problem;
import io.triggermesh.aws.spi.api.Arn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code spec.auth} model and returns every problem, each with its JSON path and a message saying how to
 * fix it. Pure: no I/O, no state. Messages never contain a credential value.
 */
public final class AuthValidator {

    static final String DURATION_RANGE = "between " + AssumeRoleOptions.MIN_DURATION_SECONDS + " (15 minutes) and "
            + AssumeRoleOptions.MAX_DURATION_SECONDS + " (12 hours) seconds";

    // The character sets and lengths sts:AssumeRole accepts.

    private final List<Problem> problems = new ArrayList<>();

    private AuthValidator() {
    }

    /**
     * Validates an auth block.
     *
     * @param auth the model; {@code null} means the block is missing
     * @param basePath the block's JSON path (usually {@code spec.auth}), the prefix of every problem path
     * @return every problem found; empty when the block is valid
     */
    public static List<Problem> validate(AwsAuth auth, String basePath) {
        AuthValidator validator = new AuthValidator();
        validator.checkAuth(auth, basePath);
        return List.copyOf(validator.problems);
    }

    /**
     * Problems between the roles of a valid auth block and the resources the object names: each role must be in the
     * partition of every resource ARN (a region outside its partition is refused by {@link Arn#parse} already).
     *
     * @param auth the auth block
     * @param basePath the block's JSON path (usually {@code spec.auth})
     * @param resources the ARNs in the rest of the spec, by JSON path
     */
    public static List<Problem> partitionProblems(AwsAuth auth, String basePath, Map<String, Arn> resources) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> roles = new LinkedHashMap<>();
        if (auth.iam() != null) {
            roles.put(basePath + ".iam.roleArn", auth.iam().roleArn());
            roles.put(basePath + ".iam.assumeIamRole", auth.iam().assumeIamRole());
        }
        if (auth.credentials() != null) {
            roles.put(basePath + ".credentials.assumeIamRole", auth.credentials().assumeIamRole());
        }
        roles.forEach((path, arn) -> RoleArnCheck.partitionProblem(arn, resources)
                .ifPresent(m -> problems.add(new Problem(path, m))));
        return problems;
    }

    private void report(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private void checkAuth(AwsAuth auth, String path) {
        if (auth == null) {
            report(path, path + " is required: set credentials or iam");
            return;
        }
        if (auth.credentials() == null && auth.iam() == null) {
            report(path, "is empty: set exactly one of credentials (access keys) or iam (IAM Roles for Service"
                    + " Accounts)");
        } else if (auth.credentials() != null && auth.iam() != null) {
            report(path, "sets both credentials and iam: keep exactly one (credentials for access keys, iam for IAM"
                    + " Roles for Service Accounts)");
        }
        if (auth.credentials() != null) {
            checkCredentials(auth.credentials(), path + ".credentials");
        }
        if (auth.iam() != null) {
            checkIam(auth.iam(), path + ".iam");
        }
    }

    private void checkCredentials(Credentials credentials, String path) {
        ValueSourceRules values = new ValueSourceRules(problems);
        values.checkRequired(credentials.accessKeyID(), path + ".accessKeyID", "AWS_ACCESS_KEY_ID");
        values.checkRequired(credentials.secretAccessKey(), path + ".secretAccessKey", "AWS_SECRET_ACCESS_KEY");
        if (credentials.sessionToken() != null) {
            values.check(credentials.sessionToken(), path + ".sessionToken", "AWS_SESSION_TOKEN");
        }
        checkAssumeRole(credentials.assumeIamRole(), credentials.assumeIamRoleOptions(), path);
    }

    private void checkIam(Iam iam, String path) {
        if (iam.roleArn() == null && iam.serviceAccount() == null) {
            report(path, "is empty: set roleArn (the IAM role the ServiceAccount is annotated with), serviceAccount"
                    + " (a ServiceAccount to run as), or both");
        }
        if (iam.roleArn() != null) {
            RoleArnCheck.problem("roleArn", iam.roleArn()).ifPresent(m -> report(path + ".roleArn", m));
        }
        if (iam.serviceAccount() != null) {
            KubernetesNames.subdomainProblem(iam.serviceAccount()).ifPresent(reason -> report(
                    path + ".serviceAccount", reason + ": a ServiceAccount name must be a DNS-1123 subdomain ("
                            + KubernetesNames.SUBDOMAIN_RULE + ")"));
        }
        // Allowed without roleArn: the webhook can take the role from an annotated, unmanaged ServiceAccount.
        checkAssumeRole(iam.assumeIamRole(), iam.assumeIamRoleOptions(), path);
    }

    private void checkAssumeRole(String roleArn, AssumeRoleOptions options, String parentPath) {
        if (roleArn != null) {
            RoleArnCheck.problem("assumeIamRole", roleArn)
                    .ifPresent(m -> report(parentPath + ".assumeIamRole", m));
        }
        if (options == null) {
            return;
        }
        String path = parentPath + ".assumeIamRoleOptions";
        if (roleArn == null) {
            report(path, "is set but assumeIamRole is not: set " + parentPath + ".assumeIamRole to the role to"
                    + " assume, or remove assumeIamRoleOptions");
        }
        checkExternalId(options.externalId(), path + ".externalId");
        checkSessionName(options.sessionName(), path + ".sessionName");
        Integer duration = options.durationSeconds();
        if (duration != null && (duration < AssumeRoleOptions.MIN_DURATION_SECONDS
                || duration > AssumeRoleOptions.MAX_DURATION_SECONDS)) {
            report(path + ".durationSeconds", "is " + duration + ": it must be " + DURATION_RANGE
                    + ", and no longer than the role's maximum session duration");
        }
    }

    private void checkExternalId(String externalId, String path) {
        if (externalId == null || StsNames.isExternalId(externalId)) {
            return;
        }
        if (!StsNames.hasOnlyExternalIdChars(externalId)) {
            report(path, "contains characters AWS does not accept in an ExternalId: use "
                    + StsNames.EXTERNAL_ID_CHARS_IN_WORDS);
        } else {
            report(path, "is " + characters(externalId) + " long: an ExternalId must be " + StsNames.MIN_LENGTH + " to "
                    + StsNames.MAX_EXTERNAL_ID_LENGTH + " characters");
        }
    }

    // Alike in shape to checkExternalId; kept apart because STS has two rules (characters, lengths), both in StsNames.
    private void checkSessionName(String sessionName, String path) {
        if (sessionName == null || StsNames.isSessionName(sessionName)) {
            return;
        }
        if (!StsNames.hasOnlyNameChars(sessionName)) {
            report(path, "contains characters AWS does not accept in a role session name: use "
                    + StsNames.NAME_CHARS_IN_WORDS);
        } else {
            report(path, "is " + characters(sessionName) + " long: a role session name must be " + StsNames.MIN_LENGTH
                    + " to " + StsNames.MAX_SESSION_NAME_LENGTH + " characters");
        }
    }

    private static String characters(String text) {
        return text.length() == 1 ? "1 character" : text.length() + " characters";
    }
}
