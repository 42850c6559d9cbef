package io.triggermesh.aws.spi;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * How a hook reaches AWS: credentials chosen by the controller for this object, the region, and an optional
 * endpoint override (an emulator or a VPC endpoint). Connectors build their own service clients from it and close
 * them before returning.
 *
 * @param credentials the identity to act as; AWS SDK clients accept it as {@code credentialsProvider}
 * @param region the AWS region, for example {@code us-east-1}
 * @param endpoint an endpoint override for every service, or {@code null} for AWS's own endpoints
 * @param identityDescription which identity this is, for status (for example {@code object credentials}); no secrets
 */
public record AwsAccess(IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region, URI endpoint,
                        String identityDescription) {

    public AwsAccess {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(identityDescription, "identityDescription");
    }

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    /** The same identity and endpoint in another region (resources may live outside the controller's region). */
    public AwsAccess withRegion(String otherRegion) {
        return new AwsAccess(credentials, otherRegion, endpoint, identityDescription);
    }
}
