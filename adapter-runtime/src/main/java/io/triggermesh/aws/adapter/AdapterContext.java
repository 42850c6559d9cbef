package io.triggermesh.aws.adapter;

import java.util.Objects;

/**
 * What an {@link Adapter} gets to start with.
 *
 * @param config the environment, typed
 * @param aws the AWS clients, with the adapter's credentials; closed by the runtime after the adapter
 */
public record AdapterContext(AdapterConfig config, AwsClients aws) {

    public AdapterContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(aws, "aws");
    }
}
