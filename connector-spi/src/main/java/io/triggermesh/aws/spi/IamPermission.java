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
 * @param sid statement id, alphanumeric
 * @param actions IAM actions such as {@code sqs:ReceiveMessage}
 * @param resources ARN templates, or {@code *} where AWS only accepts that
 */
public record IamPermission(String sid, List<String> actions, List<String> resources) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");

    public IamPermission {
        Objects.requireNonNull(sid, "sid");
        if (!SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("sid must be alphanumeric: " + sid);
        }
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " needs at least one action and one resource");
        }
        for (String action : actions) {
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException("not an IAM action (service:Action): " + action);
            }
        }
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
