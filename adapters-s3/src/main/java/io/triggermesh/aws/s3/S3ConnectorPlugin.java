package io.triggermesh.aws.s3;

import io.triggermesh.aws.spi.AbstractConnectorPlugin;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;

/** The S3 connector: {@code AWSS3Source} and {@code AWSS3Target}. Registered for {@link java.util.ServiceLoader}. */
public final class S3ConnectorPlugin extends AbstractConnectorPlugin {

    /** Where the adapter image is published; the tag is the plugin version. */
    public static final String IMAGE_REPOSITORY = "ghcr.io/triggermesh-aws/adapter-s3";

    /** The plugin as the controller loads it, with the adapter image of this version. */
    public S3ConnectorPlugin() {
        this(null);
    }

    /** The plugin with another adapter image, for example from a private registry. */
    public S3ConnectorPlugin(String adapterImage) {
        super("s3", SpiVersion.CURRENT, IMAGE_REPOSITORY, adapterImage,
                image -> List.of(new AwsS3SourceKind(image), new AwsS3TargetKind(image)));
    }
}
