package io.triggermesh.aws.controller.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about connector objects. Callers emit Events on transitions only, so an object in a steady
 * state produces none. Messages come from our own code but may quote AWS errors, which can echo the signed request:
 * every message passes through the credential redactor here, so no caller can write one unmasked.
 */
public final class EventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final String COMPONENT = "triggermesh-controller";

    private final KubernetesClient client;

    public EventRecorder(KubernetesClient client) {
        this.client = client;
    }

    public void normal(OwnerObject owner, String reason, String message) {
        record(owner, "Normal", reason, message);
    }

    public void warning(OwnerObject owner, String reason, String message) {
        record(owner, "Warning", reason, message);
    }

    private void record(OwnerObject owner, String type, String reason, String text) {
        String message = String.valueOf(CredentialRedactor.redactShapes(text));
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        Event event = new EventBuilder()
                .withNewMetadata()
                    .withName(owner.name() + "." + UUID.randomUUID().toString().substring(0, 13))
                    .withNamespace(owner.namespace())
                .endMetadata()
                .withNewInvolvedObject()
                    .withApiVersion(owner.apiVersion()).withKind(owner.kind())
                    .withName(owner.name()).withNamespace(owner.namespace()).withUid(owner.uid())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build();
        try {
            client.v1().events().inNamespace(owner.namespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            // An Event is best effort: losing one must never fail a reconcile.
            LOG.warn("{}: cannot record event {}: {}", owner.displayName(), reason, e.getMessage());
        }
    }
}
