package io.triggermesh.aws.auth.credentials;

import static io.triggermesh.aws.spi.AdapterEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
import static io.triggermesh.aws.spi.AdapterEnv.AWS_CONTAINER_CREDENTIALS_FULL_URI;

import io.triggermesh.aws.spi.api.Shown;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks the container credentials variables before the SDK reads them, so a wrong value fails at start with the
 * variable's name instead of at the first AWS call with "Unable to load credentials". The rules are the SDK's: the
 * token travels in a header, so plain http is only accepted to this machine or to the EKS Pod Identity agent's
 * link-local addresses.
 */
final class ContainerEndpoint {

    /** The EKS Pod Identity agent and the ECS agent, which the SDK also accepts over http. */
    private static final Set<String> AGENT_HOSTS = Set.of("169.254.170.23", "fd00:ec2:0:0:0:0:0:23",
            "169.254.170.2");

    private ContainerEndpoint() {
    }

    static void check(String fullUri, String tokenFile) {
        URI uri;
        try {
            uri = new URI(fullUri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(AWS_CONTAINER_CREDENTIALS_FULL_URI + " is not a URI: "
                    + Shown.quoted(fullUri));
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(AWS_CONTAINER_CREDENTIALS_FULL_URI + " must be an absolute http or "
                    + "https URL, not " + Shown.quoted(fullUri));
        }
        if ("http".equals(uri.getScheme()) && !loopbackOrAgent(uri.getHost())) {
            throw new IllegalArgumentException(AWS_CONTAINER_CREDENTIALS_FULL_URI + " uses http to " + uri.getHost()
                    + ", which the AWS SDK refuses: plain http is only for a loopback address or the EKS Pod Identity"
                    + " agent (169.254.170.23); use https otherwise");
        }
        if (tokenFile != null && !Files.isReadable(Path.of(tokenFile))) {
            throw new IllegalArgumentException(AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE + " names a file that cannot"
                    + " be read: " + tokenFile);
        }
    }

    private static boolean loopbackOrAgent(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress address = InetAddress.getByName(bare);
            return address.isLoopbackAddress() || AGENT_HOSTS.contains(address.getHostAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
