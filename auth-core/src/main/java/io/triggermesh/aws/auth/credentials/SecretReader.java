package io.triggermesh.aws.auth.credentials;

import java.util.Optional;

/** Reads one key of a Secret; the controller implements it with the Kubernetes API. */
@FunctionalInterface
public interface SecretReader {

    /**
     * @return the decoded value, or empty when the Secret or the key does not exist
     */
    Optional<String> read(String namespace, String secretName, String key);
}
