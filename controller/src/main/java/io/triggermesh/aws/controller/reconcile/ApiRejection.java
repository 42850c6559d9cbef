package io.triggermesh.aws.controller.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.util.Set;

/**
 * A write the API server refused for good (invalid object, quota, admission policy, RBAC): retrying at once cannot
 * help, so the refusal goes on the object as the step's condition (reason {@value #REASON}) and a Warning Event,
 * and the object is retried with the work queue's backoff. Conflicts (409) and server errors are not rejections.
 */
final class ApiRejection {

    static final String REASON = "ApiRejected";
    /** Enough of the API's message to say what is wrong; a status is no place for a wall of text. */
    static final int MAX_MESSAGE = 300;
    private static final Set<Integer> CODES = Set.of(400, 403, 413, 422);

    private ApiRejection() {
    }

    static boolean is(KubernetesClientException e) {
        return CODES.contains(e.getCode());
    }

    /**
     * The step's condition, False with the API's message. {@code withApiMessage} is false for Secrets, whose
     * rejection message may quote the data it refused.
     */
    static Condition condition(String type, String what, KubernetesClientException e, boolean withApiMessage) {
        return Condition.isFalse(type, REASON, message(what, e, withApiMessage)
                + "; the controller retries with backoff, fix the cause (quota, admission policy, adapterOverrides)");
    }

    /** What was refused, with the HTTP code, the API's reason and (if {@code withApiMessage}) its message. */
    static String message(String what, KubernetesClientException e, boolean withApiMessage) {
        return "the Kubernetes API server refused to " + what + " (HTTP " + e.getCode() + reasonOf(e) + ")"
                + (withApiMessage ? apiMessage(e) : "");
    }

    private static String reasonOf(KubernetesClientException e) {
        return e.getStatus() == null || e.getStatus().getReason() == null ? "" : " " + e.getStatus().getReason();
    }

    private static String apiMessage(KubernetesClientException e) {
        String message = e.getStatus() == null ? null : e.getStatus().getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        // Masked before it is cut: a cut inside a key id would leave a part no shape recognises.
        message = CredentialRedactor.redactShapes(message.replaceAll("\\p{Cntrl}", " "));
        return ": " + (message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message);
    }
}
