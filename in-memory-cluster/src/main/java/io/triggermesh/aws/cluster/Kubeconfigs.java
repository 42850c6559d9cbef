package io.triggermesh.aws.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kubeconfig files that point a process (the controller jar, kubectl, helm) at an in-memory API server: one cluster
 * without TLS verification, one user with a bearer token, one context with a default namespace. The in-memory
 * cluster and the chart tests both hand such a file to a controller they start.
 */
public final class Kubeconfigs {

    private Kubeconfigs() {
    }

    /** Writes the kubeconfig to {@code file} and returns it. */
    public static Path write(Path file, String serverUrl, String namespace, String user, String token)
            throws IOException {
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: mock
                  context: {cluster: mock, user: %s, namespace: %s}
                current-context: mock
                users:
                - name: %s
                  user: {token: %s}
                """.formatted(serverUrl, user, namespace, user, token));
    }
}
