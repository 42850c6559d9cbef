package io.triggermesh.aws.controller.desired;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Controller-wide settings that shape every adapter.
 *
 * @param images image per kind overriding the plugin's default (Helm sets these per connector)
 * @param region the AWS region adapters use (AWS_REGION) unless the plugin sets AWS_REGION itself
 * @param endpoint an AWS endpoint override for every adapter (an emulator or VPC endpoint), or {@code null}
 * @param cpuRequest default CPU request of an adapter container, for example {@code 50m}
 * @param memoryRequest default memory request, for example {@code 128Mi}
 * @param memoryLimit default memory limit, for example {@code 256Mi}
 */
public record AdapterSettings(Map<String, String> images, String region, URI endpoint, String cpuRequest,
                              String memoryRequest, String memoryLimit) {

    public AdapterSettings {
        images = Map.copyOf(images);
    }

    public static AdapterSettings defaults() {
        return new AdapterSettings(Map.of(), "us-east-1", null, "50m", "128Mi", "256Mi");
    }

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }
}
