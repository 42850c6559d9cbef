package io.triggermesh.aws.sqs;

import io.triggermesh.aws.spi.AbstractConnectorPlugin;
import io.triggermesh.aws.spi.SpiVersion;
import java.util.List;

/** The SQS connector: {@code AWSSQSSource} and {@code AWSSQSTarget}. Registered for {@link java.util.ServiceLoader}. */
public final class SqsConnectorPlugin extends AbstractConnectorPlugin {

    /** Where the adapter image is published; the tag is the plugin version. */
    public static final String IMAGE_REPOSITORY = "ghcr.io/triggermesh-aws/adapter-sqs";

    /** The plugin as the controller loads it, with the adapter image of this version. */
    public SqsConnectorPlugin() {
        this(null);
    }

    /** The plugin with another adapter image, for example from a private registry. */
    public SqsConnectorPlugin(String adapterImage) {
        super("sqs", SpiVersion.CURRENT, IMAGE_REPOSITORY, adapterImage,
                image -> List.of(new AwsSqsSourceKind(image), new AwsSqsTargetKind(image)));
    }
}
