package io.triggermesh.aws.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A declared least-privilege policy rewritten for moto's IAM evaluation, which differs from AWS in two places
 * (docs/testing.md). Only these rewrites separate a minimality proof against moto from the policy users get:
 * <ul>
 *   <li>moto checks {@code sqs:CreateQueue} and {@code sqs:GetQueueUrl} against resource {@code *}, AWS against the
 *       queue's ARN: those two actions move to a statement on {@code *};</li>
 *   <li>moto authorises batch calls by their own action names, AWS by the single-message action
 *       ({@code DeleteMessageBatch} is allowed by {@code sqs:DeleteMessage}): the batch name is granted alongside,
 *       and removed with it.</li>
 * </ul>
 */
public final class MotoPolicy {

    /** Actions moto checks against resource {@code *}. */
    public static final Set<String> CHECKED_AGAINST_ANY_RESOURCE = Set.of("sqs:CreateQueue", "sqs:GetQueueUrl");
    /** The batch call moto authorises by its own name, for each single-message action AWS checks instead. */
    public static final Map<String, String> BATCH_NAMES = Map.of(
            "sqs:DeleteMessage", "sqs:DeleteMessageBatch",
            "sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch",
            "sqs:SendMessage", "sqs:SendMessageBatch");

    /** One Allow statement of a declared policy, with its placeholders already filled. */
    public record Grant(List<String> actions, List<String> resources) {
        public Grant {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    private MotoPolicy() {
    }

    /**
     * The policy document moto evaluates like AWS would evaluate {@code declared}, without {@code removed} (null:
     * nothing removed).
     */
    public static String of(List<Grant> declared, String removed) {
        List<Grant> statements = new ArrayList<>();
        List<String> anyResource = new ArrayList<>();
        for (Grant grant : declared) {
            List<String> actions = new ArrayList<>();
            for (String action : grant.actions()) {
                if (action.equals(removed)) {
                    continue;
                }
                if (CHECKED_AGAINST_ANY_RESOURCE.contains(action)) {
                    anyResource.add(action);
                    continue;
                }
                actions.add(action);
                if (BATCH_NAMES.containsKey(action)) {
                    actions.add(BATCH_NAMES.get(action));
                }
            }
            if (!actions.isEmpty()) {
                statements.add(new Grant(actions, grant.resources()));
            }
        }
        if (!anyResource.isEmpty()) {
            statements.add(new Grant(anyResource.stream().distinct().toList(), List.of("*")));
        }
        if (statements.isEmpty()) {
            // IAM refuses a policy without statements; this one grants nothing the connectors use.
            statements.add(new Grant(List.of("sts:GetCallerIdentity"), List.of("*")));
        }
        return statements.stream().map(s -> "{\"Effect\": \"Allow\", \"Action\": " + array(s.actions())
                        + ", \"Resource\": " + array(s.resources()) + "}")
                .collect(Collectors.joining(", ", "{\"Version\": \"2012-10-17\", \"Statement\": [", "]}"));
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
