package io.triggermesh.aws.spi;

import java.util.Map;

/**
 * What {@link ConnectorKind#ensureResources} achieved.
 *
 * @param statusFields plugin status fields to publish under {@code status} (for example {@code queueARN}). The
 *     controller hands them back in {@link ObjectContext#status()}, so {@link ConnectorKind#adapter} can derive
 *     the adapter's environment from them without another AWS call.
 */
public record ResourceOutcome(Map<String, String> statusFields) {

    public ResourceOutcome {
        statusFields = Map.copyOf(statusFields);
    }

    public static ResourceOutcome none() {
        return new ResourceOutcome(Map.of());
    }
}
