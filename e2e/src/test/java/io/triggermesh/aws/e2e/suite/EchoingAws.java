package io.triggermesh.aws.e2e.suite;

import io.triggermesh.aws.testing.EchoingAwsEndpoint;
import java.net.URI;

/**
 * The test fixtures' {@link EchoingAwsEndpoint} in front of the system: an AWS that refuses every call the way real
 * AWS refuses a bad signature, quoting the signed request (access key id, {@code x-amz-security-token}).
 */
final class EchoingAws implements World.FrontOfAws {

    private final EchoingAwsEndpoint endpoint = EchoingAwsEndpoint.start();

    @Override
    public URI uri() {
        return endpoint.endpoint();
    }

    /** How many requests were refused so far. */
    int refused() {
        return endpoint.refused();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
