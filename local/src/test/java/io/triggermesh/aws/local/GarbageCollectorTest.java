package io.triggermesh.aws.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.triggermesh.aws.cluster.InMemoryCluster;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What local mode's garbage collector removes when a connector object is gone, and what it keeps. */
class GarbageCollectorTest {

    private static final String NS = "team-a";

    @TempDir
    Path workDir;
    private InMemoryCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = InMemoryCluster.start(PluginRegistry.load(getClass().getClassLoader(), Set.of()).descriptors(),
                workDir);
        client = cluster.client();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static OwnerReference owner(String name, String uid) {
        return new OwnerReferenceBuilder().withApiVersion("targets.triggermesh.io/v1alpha1").withKind("AWSS3Target")
                .withName(name).withUid(uid).build();
    }

    @Test
    void whatOnlyTheDeletedObjectOwnedGoesAndASharedServiceAccountKeepsItsOtherOwner() {
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
                .withName("awss3target-first").withOwnerReferences(owner("first", "uid-1")).endMetadata()
                .build()).create();
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("first-keys")
                .withOwnerReferences(owner("first", "uid-1")).endMetadata().build()).create();
        client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("shared").withOwnerReferences(owner("first", "uid-1"), owner("second", "uid-2"))
                .endMetadata().build()).create();
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
                .withName("awss3target-second").withOwnerReferences(owner("second", "uid-2")).endMetadata()
                .build()).create();
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("users-own")
                .endMetadata().build()).create();

        new GarbageCollector(client).collect(NS, "uid-1");

        assertThat(client.apps().deployments().inNamespace(NS).withName("awss3target-first").get()).isNull();
        assertThat(client.secrets().inNamespace(NS).withName("first-keys").get()).isNull();
        ServiceAccount shared = client.serviceAccounts().inNamespace(NS).withName("shared").get();
        assertThat(shared.getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                .containsExactly("uid-2");
        assertThat(client.apps().deployments().inNamespace(NS).withName("awss3target-second").get()).isNotNull();
        assertThat(client.secrets().inNamespace(NS).withName("users-own").get()).as("not owned: never touched")
                .isNotNull();
    }
}
