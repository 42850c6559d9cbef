package io.triggermesh.aws.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What every plugin's {@link ConnectorPlugin} class otherwise repeats: its name, its version (from
 * {@code connector-version.properties}, see {@link PluginVersion}), and its kinds, built once for one adapter image
 * (by default the plugin's image repository tagged with its version). A plugin is then its constructor:
 * <pre>{@code
 * public final class SnsConnectorPlugin extends AbstractConnectorPlugin {
 *     public SnsConnectorPlugin() {
 *         super("sns", SpiVersion.CURRENT, "registry.example.com/triggermesh/adapter-sns", null,
 *                 image -> List.of(new AwsSnsTargetKind(image)));
 *     }
 * }
 * }</pre>
 * Pass {@link SpiVersion#CURRENT} from the plugin's own class: the compiler inlines the constant there, so the value
 * is the SPI version the plugin was compiled against, which is what the controller checks. (Read here, it would be
 * the controller's own version.)
 */
public abstract class AbstractConnectorPlugin implements ConnectorPlugin {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final String name;
    private final int spiVersion;
    private final String version;
    private final List<ConnectorKind<?>> kinds;

    /**
     * @param name the plugin's name ({@code [a-z][a-z0-9-]*})
     * @param spiVersion {@link SpiVersion#CURRENT}, written in the subclass
     * @param imageRepository where the adapter image is published; tagged with the plugin's version by default
     * @param adapterImage another adapter image (a private registry, a test), or {@code null} for the default
     * @param kinds the plugin's kinds for an adapter image; called once, here
     */
    protected AbstractConnectorPlugin(String name, int spiVersion, String imageRepository, String adapterImage,
                                      Function<String, List<ConnectorKind<?>>> kinds) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin name '" + name + "' must match " + NAME.pattern());
        }
        Objects.requireNonNull(imageRepository, "imageRepository");
        this.name = name;
        this.spiVersion = spiVersion;
        this.version = PluginVersion.of(getClass());
        this.kinds = List.copyOf(kinds.apply(adapterImage != null ? adapterImage : imageRepository + ":" + version));
        if (this.kinds.isEmpty()) {
            throw new IllegalArgumentException("plugin " + name + " declares no kind");
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final int spiVersion() {
        return spiVersion;
    }

    @Override
    public final List<ConnectorKind<?>> kinds() {
        return kinds;
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
