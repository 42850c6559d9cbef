package io.triggermesh.aws.local;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.triggermesh.aws.cluster.DeploymentStatuses;
import io.triggermesh.aws.cluster.DeploymentStatuses.State;
import io.triggermesh.aws.controller.desired.AdapterWorkloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The kubelet's and the Deployment controller's report in local mode: writes each adapter Deployment's status from
 * its local process, as a cluster would from the pod's readiness probe. A target is available while
 * {@code GET /health} answers 200 (only the status code counts), a source while its process runs. Each probe is
 * bounded by {@link #PROBE_TIMEOUT}; a status ({@link DeploymentStatuses}) is written only when it changes.
 */
public final class LocalAvailability {

    /** Bound of one health probe, connection included, like a probe's {@code timeoutSeconds}. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final KubernetesClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    LocalAvailability(KubernetesClient client) {
        this.client = client;
    }

    /** Probes the adapter of {@code deployment} and records what it found. */
    void report(Deployment deployment, boolean alive, OptionalInt port) {
        State state = !alive ? (deployment.getStatus() == null ? State.STARTING : State.UNAVAILABLE)
                : port.isEmpty() ? State.AVAILABLE : probe(port.getAsInt());
        write(deployment, state);
    }

    private State probe(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + AdapterWorkloads.HEALTH_PATH)).timeout(PROBE_TIMEOUT).GET().build();
        try {
            int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return code == 200 ? State.AVAILABLE : State.UNAVAILABLE;
        } catch (IOException e) {
            return State.STARTING;  // not listening yet: a JVM still starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.STARTING;
        }
    }

    private void write(Deployment deployment, State state) {
        DeploymentStatus next = DeploymentStatuses.status(deployment, state, Instant.now());
        if (sameAvailability(deployment.getStatus(), next)) {
            return;
        }
        Deployment updated = new DeploymentBuilder(deployment).withStatus(next).build();
        try {
            client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace()).resource(updated)
                    .updateStatus();
        } catch (KubernetesClientException e) {
            // A conflict or a deleted Deployment: the next poll reports again from fresh state.
        }
    }

    private static boolean sameAvailability(DeploymentStatus before, DeploymentStatus after) {
        return before != null && Objects.equals(before.getObservedGeneration(), after.getObservedGeneration())
                && Objects.equals(before.getAvailableReplicas(), after.getAvailableReplicas())
                && reasons(before).equals(reasons(after));
    }

    private static List<String> reasons(DeploymentStatus status) {
        return status.getConditions() == null ? List.of()
                : status.getConditions().stream().map(c -> c.getType() + "=" + c.getReason()).sorted().toList();
    }
}
