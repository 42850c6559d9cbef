package io.triggermesh.aws.auth.iam;

import io.triggermesh.aws.spi.IamPermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One statement of an identity-based IAM policy.
 *
 * <p>Actions and resources keep the order given, without duplicates. The condition is kept in a canonical form
 * (operators, keys and values sorted, values de-duplicated): values of one key are alternatives, so their order
 * carries no meaning, and a canonical form lets {@link IamPolicy#merge} compare conditions by equality.
 *
 * @param sid statement id, alphanumeric, or {@code null} for none
 * @param effect allow or deny
 * @param actions IAM actions such as {@code sqs:ReceiveMessage} (the rule of {@link IamPermission#ACTION}), or
 *     {@code *}
 * @param resources resource ARNs (wildcards allowed), or {@code *}
 * @param condition operator (for example {@code StringEquals}) to condition key to values; empty for none
 */
public record IamStatement(String sid, Effect effect, List<String> actions, List<String> resources,
                           Map<String, Map<String, List<String>>> condition) {

    /** The action that stands for every action; allowed here (a policy may deny everything), not in a plugin's. */
    public static final String ANY_ACTION = "*";

    /** The {@code Effect} element. */
    public enum Effect {
        ALLOW("Allow"),
        DENY("Deny");

        private final String json;

        Effect(String json) {
            this.json = json;
        }

        /** How the effect is spelled in a policy document. */
        public String json() {
            return json;
        }

        public static Effect fromJson(String value) {
            for (Effect effect : values()) {
                if (effect.json.equals(value)) {
                    return effect;
                }
            }
            throw new IllegalArgumentException("Effect must be Allow or Deny: " + value);
        }
    }

    public IamStatement {
        if (sid != null && !IamPermission.isSid(sid)) {
            throw new IllegalArgumentException("Sid must be alphanumeric: " + sid);
        }
        Objects.requireNonNull(effect, "effect");
        actions = distinct(Objects.requireNonNull(actions, "actions"));
        resources = distinct(Objects.requireNonNull(resources, "resources"));
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException(IamPermission.needsActionAndResource(sid));
        }
        for (String action : actions) {
            if (!isAction(action)) {
                throw new IllegalArgumentException("not an IAM action (service:Action or *): " + action);
            }
        }
        for (String resource : resources) {
            if (resource.isBlank()) {
                throw new IllegalArgumentException("statement " + sid + " has a blank resource");
            }
        }
        condition = canonical(condition == null ? Map.of() : condition);
    }

    /** Whether {@code action} may stand in a statement: an IAM action ({@link IamPermission#ACTION}) or {@code *}. */
    public static boolean isAction(String action) {
        return ANY_ACTION.equals(action) || IamPermission.isAction(action);
    }

    public static IamStatement allow(String sid, List<String> actions, List<String> resources) {
        return new IamStatement(sid, Effect.ALLOW, actions, resources, Map.of());
    }

    public static IamStatement deny(String sid, List<String> actions, List<String> resources) {
        return new IamStatement(sid, Effect.DENY, actions, resources, Map.of());
    }

    /** An Allow statement for a permission whose placeholders are already resolved. */
    public static IamStatement from(IamPermission permission) {
        return allow(permission.sid(), permission.actions(), permission.resources());
    }

    /** This statement with one more condition; values add to those already set for the same operator and key. */
    public IamStatement withCondition(String operator, String key, String... values) {
        Map<String, Map<String, List<String>>> next = new TreeMap<>();
        condition.forEach((op, keys) -> next.put(op, new TreeMap<>(keys)));
        Map<String, List<String>> keys = next.computeIfAbsent(operator, op -> new TreeMap<>());
        List<String> merged = new ArrayList<>(keys.getOrDefault(key, List.of()));
        merged.addAll(List.of(values));
        keys.put(key, merged);
        return new IamStatement(sid, effect, actions, resources, next);
    }

    public IamStatement withSid(String newSid) {
        return new IamStatement(newSid, effect, actions, resources, condition);
    }

    public boolean hasCondition() {
        return !condition.isEmpty();
    }

    private static List<String> distinct(List<String> values) {
        for (String value : values) {
            Objects.requireNonNull(value, "null entry");
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static Map<String, Map<String, List<String>>> canonical(Map<String, Map<String, List<String>>> in) {
        TreeMap<String, Map<String, List<String>>> out = new TreeMap<>();
        in.forEach((operator, keys) -> {
            TreeMap<String, List<String>> outKeys = new TreeMap<>();
            keys.forEach((key, values) -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("condition " + operator + " " + key + " has no values");
                }
                outKeys.put(Objects.requireNonNull(key, "condition key"), List.copyOf(new TreeSet<>(values)));
            });
            if (outKeys.isEmpty()) {
                throw new IllegalArgumentException("condition operator " + operator + " has no keys");
            }
            out.put(Objects.requireNonNull(operator, "condition operator"), Collections.unmodifiableMap(outKeys));
        });
        return Collections.unmodifiableMap(out);
    }
}
