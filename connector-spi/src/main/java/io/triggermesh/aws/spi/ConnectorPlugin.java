package io.triggermesh.aws.spi;

import java.util.List;

/**
 * Entry point of a connector plugin, registered in {@code META-INF/services/io.triggermesh.aws.spi.ConnectorPlugin}.
 *
 * <p>The controller loads every plugin once at start, checks {@link #spiVersion()} against
 * {@link SpiVersion#CURRENT} and refuses to start when two plugins declare the same kind. New capabilities are added
 * to this interface and to {@link ConnectorKind} as default methods so that plugins built against an older SPI keep
 * linking.
 */
public interface ConnectorPlugin {

    /** A short, stable name, for logs and the controller's plugin allow-list (for example {@code "s3"}). */
    String name();

    /** The plugin's own version, for logs. */
    String version();

    /**
     * The SPI version this plugin was built against. Implement it as {@code return SpiVersion.CURRENT;} in the
     * plugin's own class: the constant is inlined by the compiler, so the value is the version the plugin was
     * compiled with, which is what the controller must check. (A default method here would report the controller's
     * own SPI version instead, which is why there is none.)
     */
    int spiVersion();

    /** The kinds this plugin serves, each with its hooks. Never empty. */
    List<ConnectorKind<?>> kinds();
}
