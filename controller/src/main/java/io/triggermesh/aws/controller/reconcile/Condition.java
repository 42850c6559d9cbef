package io.triggermesh.aws.controller.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One status condition. {@code status} is {@code "True"}, {@code "False"} or {@code "Unknown"}; reasons are
 * CamelCase; messages say what is wrong and how to fix it, never a secret value.
 */
public record Condition(String type, String status, String reason, String message, String lastTransitionTime) {

    public static final String READY = "Ready";
    public static final String SERVICE_ACCOUNT_READY = "ServiceAccountReady";
    public static final String CREDENTIALS_READY = "CredentialsReady";
    public static final String RESOURCES_READY = "ResourcesReady";
    public static final String SINK_PROVIDED = "SinkProvided";
    public static final String DEPLOYED = "Deployed";

    public static Condition isTrue(String type, String reason, String message) {
        return new Condition(type, "True", reason, message, null);
    }

    public static Condition isFalse(String type, String reason, String message) {
        return new Condition(type, "False", reason, message, null);
    }

    public boolean holds() {
        return "True".equals(status);
    }

    /** Equal apart from the transition time. */
    public boolean sameAs(Condition other) {
        return other != null && type.equals(other.type) && status.equals(other.status) && reason.equals(other.reason)
                && message.equals(other.message);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("status", status);
        map.put("reason", reason);
        map.put("message", message);
        map.put("lastTransitionTime", lastTransitionTime);
        return map;
    }

    static Condition fromMap(Map<?, ?> map) {
        return new Condition(text(map.get("type")), text(map.get("status")), text(map.get("reason")),
                text(map.get("message")), map.get("lastTransitionTime") == null ? null
                        : String.valueOf(map.get("lastTransitionTime")));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
