package io.triggermesh.aws.controller.plugins;

import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.KindDescriptor;

/** One kind served by one plugin. */
public record LoadedKind(ConnectorPlugin plugin, ConnectorKind<?> kind) {

    public KindDescriptor<?> descriptor() {
        return kind.descriptor();
    }

    /** {@code group/Kind}, unique across all plugins. */
    public String key() {
        return PluginRegistry.key(descriptor().group(), descriptor().kind());
    }
}
