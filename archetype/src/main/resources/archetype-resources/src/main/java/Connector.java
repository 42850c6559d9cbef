package ${package};

import io.triggermesh.aws.spi.AbstractConnectorPlugin;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;

/**
 * The ${connectorName} connector plugin, found by the controller through ServiceLoader
 * (META-INF/services/io.triggermesh.aws.spi.ConnectorPlugin). Its version comes from connector-version.properties,
 * which the build writes; the adapter image is IMAGE_REPOSITORY tagged with that version.
 */
public final class Connector extends AbstractConnectorPlugin {

    /** The plugin's name: the controller's plugin allow-list and the image name use it. */
    public static final String NAME = "${connectorName}";
    /** Where the adapter image (see Dockerfile) is published; set your registry here. */
    public static final String IMAGE_REPOSITORY = "registry.example.com/triggermesh/adapter-" + NAME;

    public Connector() {
        // SpiVersion.CURRENT written here: the compiler copies it into this class, so the controller sees the SPI
        // version this plugin was built against.
        super(NAME, SpiVersion.CURRENT, IMAGE_REPOSITORY, null, image -> List.of(new TargetKind(image)));
    }
}
