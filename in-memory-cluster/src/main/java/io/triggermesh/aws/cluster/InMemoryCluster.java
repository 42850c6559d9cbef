package io.triggermesh.aws.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.MockServerExpectation;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.triggermesh.aws.spi.KindDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory Kubernetes API for local mode and the controller's integration tests: fabric8's mock server in mixed
 * mode (CRUD for everything, plus the TokenRequest answers the CRUD mode cannot give), with every given kind known as
 * a namespaced custom resource with a status subresource, and a kubeconfig file pointing at it.
 */
public final class InMemoryCluster implements AutoCloseable {

    /** Held so the level sticks: the mock server logs every request at INFO through java.util.logging. */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final Path kubeconfig;

    private InMemoryCluster(KubernetesMockServer server, NamespacedKubernetesClient client, Path kubeconfig) {
        this.server = server;
        this.client = client;
        this.kubeconfig = kubeconfig;
    }

    /**
     * Starts the API on a free loopback port, serving {@code kinds} (the plugins' kinds, which the caller takes from
     * its plugin registry: this module does not depend on the controller), and writes {@code workDir/kubeconfig}.
     */
    public static InMemoryCluster start(Collection<? extends KindDescriptor<?>> kinds, Path workDir) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        List<CustomResourceDefinitionContext> contexts = new ArrayList<>();
        for (KindDescriptor<?> kind : kinds) {
            contexts.add(new CustomResourceDefinitionContext.Builder()
                    .withGroup(kind.group()).withVersion(kind.version())
                    .withKind(kind.kind()).withPlural(kind.plural())
                    .withScope("Namespaced").withStatusSubresource(true).build());
        }
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses, contexts), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        NamespacedKubernetesClient client = server.createClient();
        Path kubeconfig = workDir.resolve("kubeconfig");
        String url = client.getConfiguration().getMasterUrl();
        try {
            Kubeconfigs.write(kubeconfig, url, "default", "mock", "mock-token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InMemoryCluster(server, client, kubeconfig);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** Answers TokenRequests for {@code namespace/serviceAccount} with {@code token}, as a real API server would. */
    public void serveTokens(String namespace, String serviceAccount, String token) {
        server.expect().post().withPath("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + serviceAccount
                        + "/token")
                .andReturn(201, new TokenRequestBuilder().withNewStatus().withToken(token)
                        .withExpirationTimestamp("2099-01-01T00:00:00Z").endStatus().build())
                .always();
    }

    /**
     * Answers every {@code POST path} with {@code code} and {@code status} from now on, as an API server refusing a
     * create would (quota, admission policy, an invalid object): lets tests see how a refused write is reported.
     */
    public void refuseCreates(String path, int code, Status status) {
        server.expect().post().withPath(path).andReturn(code, status).always();
    }

    /**
     * Answers that take precedence over the CRUD behaviour, for tests that make the API fail in a chosen way (a
     * 409 on every status write of one object, for example).
     */
    public MockServerExpectation expect() {
        return server.expect();
    }

    /** Every request received so far (and forgets them), in order. */
    public List<RecordedRequest> drainRequests() {
        List<RecordedRequest> out = new ArrayList<>();
        try {
            RecordedRequest request;
            while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
                out.add(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
