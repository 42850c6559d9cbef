package io.triggermesh.aws.controller.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.triggermesh.aws.auth.credentials.PodIdentityAgent;
import io.triggermesh.aws.auth.serviceaccount.ServiceAccountConventions;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens for the EKS Pod Identity agent are bound to a running adapter pod of the ServiceAccount, as the agent
 * requires, against the in-memory API server.
 */
class TokenRequestSourceIT {

    @TempDir
    Path workDir;

    private InMemoryCluster cluster;

    @BeforeEach
    void start() {
        cluster = InMemoryCluster.start(PluginRegistry.load(getClass().getClassLoader(), Set.of()).descriptors(),
                workDir);
        cluster.serveTokens("team", "orders-sa", "minted");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aPodIdentityTokenIsBoundToARunningAdapterPodOfTheServiceAccount() {
        pod("other-sa-pod", "other-sa", "Running", true);
        pod("foreign-pod", "orders-sa", "Running", false);
        String uid = pod("orders-pod", "orders-sa", "Running", true);
        cluster.drainRequests();

        String token = new TokenRequestSource(cluster.client()).podBoundToken("team", "orders-sa",
                PodIdentityAgent.AUDIENCE, Duration.ofMinutes(10));

        assertThat(token).isEqualTo("minted");
        String body = tokenRequestBody();
        assertThat(body).contains("\"pods.eks.amazonaws.com\"", "\"boundObjectRef\"", "\"kind\":\"Pod\"",
                "\"name\":\"orders-pod\"", "\"uid\":\"" + uid + "\"");
    }

    @Test
    void withoutARunningAdapterPodTheTokenIsUnbound() {
        pod("pending-pod", "orders-sa", "Pending", true);
        cluster.drainRequests();

        new TokenRequestSource(cluster.client()).podBoundToken("team", "orders-sa", PodIdentityAgent.AUDIENCE,
                Duration.ofMinutes(10));

        assertThat(tokenRequestBody()).doesNotContain("boundObjectRef");
    }

    /** Creates the pod; returns the uid the API server gave it. */
    private String pod(String name, String serviceAccount, String phase, boolean adapter) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("team").endMetadata()
                .withNewSpec().withServiceAccountName(serviceAccount).endSpec()
                .withNewStatus().withPhase(phase).endStatus();
        if (adapter) {
            pod.editMetadata().addToLabels(ServiceAccountConventions.MANAGED_BY_LABEL,
                    ServiceAccountConventions.MANAGED_BY_VALUE).endMetadata();
        }
        // As the kubelet reports it: the status is written apart from the pod.
        String uid = cluster.client().pods().inNamespace("team").resource(pod.build()).create().getMetadata()
                .getUid();
        cluster.client().pods().inNamespace("team").resource(pod.build()).updateStatus();
        return uid;
    }

    private String tokenRequestBody() {
        return cluster.drainRequests().stream()
                .filter(r -> "POST".equals(r.getMethod()) && r.getPath().endsWith("/serviceaccounts/orders-sa/token"))
                .map(RecordedRequest::getUtf8Body).findFirst().orElseThrow();
    }
}
