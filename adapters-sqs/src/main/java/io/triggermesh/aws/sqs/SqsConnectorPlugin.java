package io.triggermesh.aws.sqs;

import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.PluginVersion;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;
import java.util.Objects;

/** The SQS connector: {@code AWSSQSSource} and {@code AWSSQSTarget}. Registered for {@link java.util.ServiceLoader}. */
public final class SqsConnectorPlugin implements ConnectorPlugin {

    /** Where the adapter image is published; the tag is the plugin version. */
    public static final String IMAGE_REPOSITORY = "ghcr.io/triggermesh-aws/adapter-sqs";
    /** Literal credential values inside {@code spec.auth}, hidden wherever the controller shows a spec. */
    public static final String SENSITIVE_CREDENTIAL_VALUES = "spec.auth.credentials.*.value";

    private final String version;
    private final List<ConnectorKind<?>> kinds;

    /** The plugin as the controller loads it, with the adapter image of this version. */
    public SqsConnectorPlugin() {
        this(IMAGE_REPOSITORY + ":" + PluginVersion.of(SqsConnectorPlugin.class));
    }

    /** The plugin with another adapter image, for example from a private registry. */
    public SqsConnectorPlugin(String adapterImage) {
        Objects.requireNonNull(adapterImage, "adapterImage");
        this.version = PluginVersion.of(SqsConnectorPlugin.class);
        this.kinds = List.of(new AwsSqsSourceKind(adapterImage), new AwsSqsTargetKind(adapterImage));
    }

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ConnectorKind<?>> kinds() {
        return kinds;
    }
}
