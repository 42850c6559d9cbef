package io.triggermesh.aws.spi;

import java.util.Map;

/**
 * What {@link ConnectorKind#ensureResources} achieved.
 *
 * @param statusFields plugin status fields to publish under {@code status} (for example {@code queueARN})
 * @param adapterEnv extra environment for the adapter that depends on the resources (for example the queue URL)
 */
public record ResourceOutcome(Map<String, String> statusFields, Map<String, String> adapterEnv) {

    public ResourceOutcome {
        statusFields = Map.copyOf(statusFields);
        adapterEnv = Map.copyOf(adapterEnv);
    }

    public static ResourceOutcome none() {
        return new ResourceOutcome(Map.of(), Map.of());
    }
}
