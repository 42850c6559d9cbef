package io.triggermesh.aws.controller.plugins;

import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;

/** Registered only by the jar that {@link PluginDirectoryTest} writes, never on the test classpath. */
public class DirectoryTestPlugin implements ConnectorPlugin {

    @Override
    public String name() {
        return "from-directory";
    }

    @Override
    public String version() {
        return "0.0.1";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConnectorKind<?>> kinds() {
        return List.of(TestPlugins.echoKind("AWSDirectorySource"));
    }
}
