package io.triggermesh.aws.s3;

import io.triggermesh.aws.auth.iam.IamPolicy;
import io.triggermesh.aws.spi.IamPermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declared, resolved policy rewritten for moto's IAM evaluation, which differs from AWS in two places
 * (test-environment.md). Only these rewrites separate the proof from the policy users get:
 * <ul>
 *   <li>moto checks {@code sqs:CreateQueue} and {@code sqs:GetQueueUrl} against resource {@code *}, AWS against the
 *       queue's ARN: those two actions move to a statement on {@code *};</li>
 *   <li>moto authorises batch calls by their own action names, AWS by the single-message action
 *       ({@code DeleteMessageBatch} is allowed by {@code sqs:DeleteMessage}): the batch name is granted alongside.</li>
 * </ul>
 */
final class MotoPolicies {

    static final Set<String> CHECKED_AGAINST_ANY_RESOURCE = Set.of("sqs:CreateQueue", "sqs:GetQueueUrl");
    static final Map<String, String> BATCH_NAMES = Map.of(
            "sqs:DeleteMessage", "sqs:DeleteMessageBatch",
            "sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch",
            "sqs:SendMessage", "sqs:SendMessageBatch");

    private MotoPolicies() {
    }

    /** {@code resolved} (placeholders already filled) as a policy document moto evaluates like AWS would. */
    static String forMoto(List<IamPermission> resolved) {
        List<IamPermission> statements = new ArrayList<>();
        List<String> anyResource = new ArrayList<>();
        for (IamPermission permission : resolved) {
            List<String> actions = new ArrayList<>();
            for (String action : permission.actions()) {
                if (CHECKED_AGAINST_ANY_RESOURCE.contains(action)) {
                    anyResource.add(action);
                } else {
                    actions.add(action);
                    if (BATCH_NAMES.containsKey(action)) {
                        actions.add(BATCH_NAMES.get(action));
                    }
                }
            }
            if (!actions.isEmpty()) {
                statements.add(new IamPermission(permission.sid(), actions, permission.resources()));
            }
        }
        if (!anyResource.isEmpty()) {
            statements.add(IamPermission.of("MotoChecksTheseOnAnyResource", anyResource.stream().distinct().toList(),
                    "*"));
        }
        if (statements.isEmpty()) {
            // IAM refuses a policy without statements; this one grants nothing the connectors use.
            statements.add(IamPermission.of("NothingTheConnectorUses", List.of("sts:GetCallerIdentity"), "*"));
        }
        return IamPolicy.from(statements, Map.of()).toJson();
    }

    /** {@code permissions} without {@code action}; statements left with no action are dropped. */
    static List<IamPermission> without(List<IamPermission> permissions, String action) {
        List<IamPermission> out = new ArrayList<>();
        for (IamPermission permission : permissions) {
            List<String> actions = permission.actions().stream().filter(a -> !a.equals(action)).toList();
            if (!actions.isEmpty()) {
                out.add(new IamPermission(permission.sid(), actions, permission.resources()));
            }
        }
        return out;
    }

    /** Every action of {@code permissions}, each once. */
    static List<String> actions(List<IamPermission> permissions) {
        return permissions.stream().flatMap(p -> p.actions().stream()).distinct().toList();
    }
}
