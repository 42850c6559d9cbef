package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One status condition. {@code status} is {@code "True"}, {@code "False"} or {@code "Unknown"}; reasons are
 * CamelCase; messages say what is wrong and how to fix it, never a secret value. {@code severity} follows Knative:
 * empty for an error, which Ready summarises, or {@code "Warning"} for something worth fixing that does not stop
 * the adapter, which Ready ignores (see docs/architecture.md, "Conditions").
 */
public record Condition(String type, String status, String reason, String message, String lastTransitionTime,
                        String severity) {

    public static final String READY = "Ready";
    public static final String SERVICE_ACCOUNT_READY = "ServiceAccountReady";
    public static final String CREDENTIALS_READY = "CredentialsReady";
    public static final String RESOURCES_READY = "ResourcesReady";
    public static final String SINK_PROVIDED = "SinkProvided";
    public static final String DEPLOYED = "Deployed";
    /** Present only while the API server refuses to release a ServiceAccount the object no longer uses. */
    public static final String SERVICE_ACCOUNTS_RELEASED = "ServiceAccountsReleased";
    public static final String SEVERITY_WARNING = "Warning";

    /** An error-severity condition, as every condition was before severities. */
    public Condition(String type, String status, String reason, String message, String lastTransitionTime) {
        this(type, status, reason, message, lastTransitionTime, "");
    }

    public Condition {
        severity = severity == null ? "" : severity;
        // Every condition passes here, so credential-shaped text (AWS echoes the signed request in some errors)
        // never reaches status, the Events made from it or a console, whoever built the message.
        message = CredentialRedactor.redactShapes(message);
    }

    public static Condition isTrue(String type, String reason, String message) {
        return new Condition(type, "True", reason, message, null);
    }

    public static Condition isFalse(String type, String reason, String message) {
        return new Condition(type, "False", reason, message, null);
    }

    public static Condition isUnknown(String type, String reason, String message) {
        return new Condition(type, "Unknown", reason, message, null);
    }

    /** False, but only a warning: shown and announced by an Event, never turning Ready False. */
    public static Condition warning(String type, String reason, String message) {
        return new Condition(type, "False", reason, message, null, SEVERITY_WARNING);
    }

    public boolean isWarning() {
        return SEVERITY_WARNING.equals(severity);
    }

    /** The same condition with {@code time} as its transition time. */
    public Condition at(String time) {
        return new Condition(type, status, reason, message, time, severity);
    }

    public boolean holds() {
        return "True".equals(status);
    }

    /** Equal apart from the transition time. */
    public boolean sameAs(Condition other) {
        return other != null && type.equals(other.type) && status.equals(other.status) && reason.equals(other.reason)
                && message.equals(other.message) && severity.equals(other.severity);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("status", status);
        map.put("reason", reason);
        map.put("message", message);
        map.put("lastTransitionTime", lastTransitionTime);
        if (!severity.isEmpty()) {
            map.put("severity", severity);
        }
        return map;
    }

    static Condition fromMap(Map<?, ?> map) {
        return new Condition(text(map.get("type")), text(map.get("status")), text(map.get("reason")),
                text(map.get("message")), map.get("lastTransitionTime") == null ? null
                        : String.valueOf(map.get("lastTransitionTime")), text(map.get("severity")));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
