package io.triggermesh.aws.controller.plugins;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code triggermesh.plugins.*}: which connector plugins the controller loads.
 *
 * <ul>
 *   <li>{@code allow} (env {@code TRIGGERMESH_PLUGINS_ALLOW}, comma-separated): plugin names to enable; empty
 *       (the default) enables every plugin found.</li>
 *   <li>{@code directory} (env {@code TRIGGERMESH_PLUGINS_DIRECTORY}): a directory whose {@code *.jar} files are
 *       loaded as extra plugins, for third-party connectors; unset by default.</li>
 * </ul>
 */
@ConfigurationProperties("triggermesh.plugins")
public record PluginsConfiguration(@Nullable List<String> allow, @Nullable Path directory) {

    public PluginsConfiguration {
        allow = allow == null ? List.of() : List.copyOf(allow);
    }

    public Optional<Path> pluginDirectory() {
        return Optional.ofNullable(directory);
    }
}
