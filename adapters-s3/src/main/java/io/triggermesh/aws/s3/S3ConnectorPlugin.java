package io.triggermesh.aws.s3;

import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.PluginVersion;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;
import java.util.Objects;

/** The S3 connector: {@code AWSS3Source} and {@code AWSS3Target}. Registered for {@link java.util.ServiceLoader}. */
public final class S3ConnectorPlugin implements ConnectorPlugin {

    /** Where the adapter image is published; the tag is the plugin version. */
    public static final String IMAGE_REPOSITORY = "ghcr.io/triggermesh-aws/adapter-s3";
    /** Literal credential values inside {@code spec.auth}, hidden wherever the controller shows a spec. */
    public static final String SENSITIVE_CREDENTIAL_VALUES = "spec.auth.credentials.*.value";

    private final String version;
    private final List<ConnectorKind<?>> kinds;

    /** The plugin as the controller loads it, with the adapter image of this version. */
    public S3ConnectorPlugin() {
        this(IMAGE_REPOSITORY + ":" + PluginVersion.of(S3ConnectorPlugin.class));
    }

    /** The plugin with another adapter image, for example from a private registry. */
    public S3ConnectorPlugin(String adapterImage) {
        Objects.requireNonNull(adapterImage, "adapterImage");
        this.version = PluginVersion.of(S3ConnectorPlugin.class);
        this.kinds = List.of(new AwsS3SourceKind(adapterImage), new AwsS3TargetKind(adapterImage));
    }

    @Override
    public String name() {
        return "s3";
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
