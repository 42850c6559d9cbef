package io.triggermesh.aws.controller.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code triggermesh.controller.adapter-resources.*} (environment variables
 * {@code TRIGGERMESH_CONTROLLER_ADAPTER_RESOURCES_*}): the resources of an adapter container unless its plugin sets
 * its own.
 *
 * @param cpuRequest CPU request (default 50m)
 * @param memoryRequest memory request (default 128Mi)
 * @param memoryLimit memory limit (default 256Mi)
 */
@ConfigurationProperties("triggermesh.controller.adapter-resources")
public record AdapterResources(
        @Bindable(defaultValue = "50m") String cpuRequest,
        @Bindable(defaultValue = "128Mi") String memoryRequest,
        @Bindable(defaultValue = "256Mi") String memoryLimit) {
}
