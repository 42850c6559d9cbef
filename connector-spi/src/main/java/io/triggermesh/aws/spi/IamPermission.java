package io.triggermesh.aws.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One IAM statement a connector needs: the actions and the resources they apply to.
 *
 * <p>Resources are ARN templates with {@code ${name}} placeholders (for example
 * {@code arn:${partition}:sqs:${region}:${account}:${queueName}}) that the kind fills from an object with
 * {@link ConnectorKind#permissionValues}. A placeholder without a value becomes {@code *}, which gives the policy for
 * the kind in general.
 *
 * <p>The one home of the rules for statement ids and actions: auth-core's policy model ({@code IamStatement}) checks
 * with {@link #isSid} and {@link #isAction}, and allows a bare {@code *} action on top, which a connector never
 * needs to declare.
 *
 * @param sid statement id, alphanumeric
 * @param actions IAM actions such as {@code sqs:ReceiveMessage}: a service prefix, ':' and an action name, which
 *     may hold the wildcards {@code *} and {@code ?}
 * @param resources ARN templates, or {@code *} where AWS only accepts that
 */
public record IamPermission(String sid, List<String> actions, List<String> resources) {

    /**
     * An IAM action, unanchored: a service prefix ({@code sqs}, {@code ec2-instance-connect}), ':' and the action
     * name with optional wildcards {@code *} and {@code ?} ({@code GetObject}, {@code Get*}). IAM compares both parts
     * case-insensitively, so both cases are accepted.
     */
    public static final String ACTION = "[A-Za-z0-9-]+:[A-Za-z0-9*?]+";
    /** A statement id, unanchored: letters and digits only, as IAM requires. */
    public static final String SID = "[A-Za-z0-9]+";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern SID_REGEX = Pattern.compile(SID);
    private static final Pattern ACTION_REGEX = Pattern.compile(ACTION);

    public IamPermission {
        Objects.requireNonNull(sid, "sid");
        if (!isSid(sid)) {
            throw new IllegalArgumentException("sid must be alphanumeric: " + sid);
        }
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException(needsActionAndResource(sid));
        }
        for (String action : actions) {
            if (!isAction(action)) {
                throw new IllegalArgumentException("not an IAM action (service:Action): " + action);
            }
        }
    }

    /** Whether {@code action} is an IAM action ({@link #ACTION}); a bare {@code *} is not. */
    public static boolean isAction(String action) {
        return action != null && ACTION_REGEX.matcher(action).matches();
    }

    /** Whether {@code sid} is a statement id ({@link #SID}). */
    public static boolean isSid(String sid) {
        return sid != null && SID_REGEX.matcher(sid).matches();
    }

    /** The message for a statement without actions or without resources. */
    public static String needsActionAndResource(String sid) {
        return "statement " + sid + " needs at least one action and one resource";
    }

    public static IamPermission of(String sid, List<String> actions, String... resources) {
        return new IamPermission(sid, actions, List.of(resources));
    }

    /** This statement with every placeholder replaced by its value, or by {@code *} when it has none. */
    public IamPermission resolve(Map<String, String> values) {
        return new IamPermission(sid, actions, resources.stream().map(r -> fill(r, values)).toList());
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isEmpty() ? "*" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
