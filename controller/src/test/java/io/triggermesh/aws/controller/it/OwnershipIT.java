package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One object never takes over what another owns: an existing Deployment, Service or Secret under the name the
 * controller would use is left untouched unless this object controls it, and names that mangling would make equal
 * (x.y and x-y) get different workloads.
 */
class OwnershipIT extends ControllerScenario {

    private static final String LITERAL_KEYS = "{credentials: {accessKeyID: {value: AKIDOWNED},"
            + " secretAccessKey: {value: owned-secret}}}";

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.resync", "1s");
    }

    @Test
    void aDeploymentOfSomeoneElseIsLeftUntouchedAndReportedAsNotOwned() {
        Deployment squatter = kube.resource(new DeploymentBuilder()
                .withNewMetadata().withName("awss3target-taken").withNamespace(NS).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "mine").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "mine").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("example/mine:1").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
        drainRequests();

        s3Target("taken", LITERAL_KEYS);

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "taken", "Deployed", "False", "NotOwned");
        assertThat(condition(status, "Deployed").get("message")).asString()
                .contains("Deployment/awss3target-taken").contains("not controlled by");
        assertThat(condition(status, "Ready")).containsEntry("status", "False").containsEntry("reason", "NotOwned");
        assertThat(status).doesNotContainKey("address");
        awaitWarning("taken", "NotOwned");

        List<String> requests = new ArrayList<>(drainRequests());
        requests.addAll(requestsDuring(Duration.ofSeconds(3), 60));
        // The test's kubelet writes Deployment status; the controller never does.
        assertThat(writes(requests)).as("no writes to the Deployment in the way")
                .noneMatch(r -> r.contains("/deployments/awss3target-taken") && !r.endsWith("/status"))
                .noneMatch(r -> r.startsWith("POST") && r.contains("/deployments"));
        // Local mode's kubelet may write its status; its metadata and spec are the owner's alone.
        Deployment after = deployment("awss3target-taken");
        assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(after.getMetadata().getLabels()).isEqualTo(squatter.getMetadata().getLabels());
        assertThat(after.getMetadata().getAnnotations()).isEqualTo(squatter.getMetadata().getAnnotations());
        assertThat(after.getSpec().getSelector()).isEqualTo(squatter.getSpec().getSelector());
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("example/mine:1");
    }

    @Test
    void aServiceOfSomeoneElseIsLeftUntouchedAndReportedAsNotOwned() {
        Service squatter = kube.resource(new ServiceBuilder()
                .withNewMetadata().withName("awss3target-svc").withNamespace(NS).endMetadata()
                .withNewSpec().addToSelector("app", "mine").addNewPort().withPort(80).endPort().endSpec().build())
                .create();

        s3Target("svc", LITERAL_KEYS);

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "svc", "Deployed", "False", "NotOwned");
        assertThat(condition(status, "Deployed").get("message")).asString().contains("Service/awss3target-svc");
        assertThat(status).doesNotContainKey("address");
        Service after = kube.services().inNamespace(NS).withName("awss3target-svc").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(squatter.getMetadata().getResourceVersion());
        assertThat(after.getSpec().getSelector()).containsExactly(Map.entry("app", "mine"));
    }

    @Test
    void aSecretOfSomeoneElseUnderTheOwnedSecretsNameIsLeftUntouched() {
        Secret squatter = kube.resource(new SecretBuilder()
                .withNewMetadata().withName("awss3target-lit-aws-credentials").withNamespace(NS).endMetadata()
                .addToStringData("mine", "do-not-touch").build()).create();

        s3Target("lit", LITERAL_KEYS);

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "lit", "CredentialsReady", "False",
                "NotOwned");
        assertThat(condition(status, "CredentialsReady").get("message")).asString()
                .contains("Secret/awss3target-lit-aws-credentials").doesNotContain("do-not-touch");
        awaitWarning("lit", "NotOwned");
        Secret after = kube.secrets().inNamespace(NS).withName("awss3target-lit-aws-credentials").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(squatter.getMetadata().getResourceVersion());
        assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    }

    @Test
    void dottedAndDashedNamesGetTheirOwnDeploymentsAndServices() {
        GenericKubernetesResource dashed = s3Target("x-y", LITERAL_KEYS);
        GenericKubernetesResource dotted = s3Target("x.y", LITERAL_KEYS);

        await().atMost(CONVERGE).untilAsserted(() -> {
            List<Deployment> deployments = kube.apps().deployments().inNamespace(NS).list().getItems();
            assertThat(deployments).hasSize(2);
            assertThat(controllerUid(deployment("awss3target-x-y"))).isEqualTo(dashed.getMetadata().getUid());
            Deployment other = deployments.stream()
                    .filter(d -> !d.getMetadata().getName().equals("awss3target-x-y")).findFirst().orElseThrow();
            assertThat(other.getMetadata().getName()).matches("awss3target-x-y-[0-9a-f]{8}");
            assertThat(controllerUid(other)).isEqualTo(dotted.getMetadata().getUid());
            assertThat(kube.services().inNamespace(NS).list().getItems()).extracting(s -> s.getMetadata().getName())
                    .containsExactlyInAnyOrder("awss3target-x-y", other.getMetadata().getName());
        });
        // Both settle: neither keeps rewriting a workload the other just wrote.
        awaitNoWritesForASecond();
        assertThat(condition(status(TARGETS, S3_TARGET, "x-y"), "Deployed").get("reason")).isNotEqualTo("NotOwned");
        assertThat(condition(status(TARGETS, S3_TARGET, "x.y"), "Deployed").get("reason")).isNotEqualTo("NotOwned");
    }

    @Test
    void theWorkloadADottedNameHadBeforeIsRemovedOnceTheNewOneIsApplied() {
        GenericKubernetesResource dotted = s3Target("a.b", LITERAL_KEYS);
        await().atMost(CONVERGE).until(() -> kube.apps().deployments().inNamespace(NS).list().getItems().size() == 1);
        // What an earlier version created for a.b: named as x-y would be, controlled by a.b.
        OwnerReference owner = new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                .withApiVersion(TARGETS).withKind(S3_TARGET).withName("a.b").withUid(dotted.getMetadata().getUid())
                .withController(true).build();
        kube.resource(new DeploymentBuilder(kube.apps().deployments().inNamespace(NS).list().getItems().get(0))
                .editMetadata().withName("awss3target-a-b").withResourceVersion(null).withUid(null)
                .withOwnerReferences(owner).endMetadata().build()).create();
        kube.resource(new ServiceBuilder().withNewMetadata().withName("awss3target-a-b").withNamespace(NS)
                .withOwnerReferences(owner).endMetadata().withNewSpec().addNewPort().withPort(80).endPort().endSpec()
                .build()).create();

        await().atMost(CONVERGE).untilAsserted(() -> {
            assertThat(deployment("awss3target-a-b")).isNull();
            assertThat(kube.services().inNamespace(NS).withName("awss3target-a-b").get()).isNull();
        });
        assertThat(kube.apps().deployments().inNamespace(NS).list().getItems()).singleElement()
                .satisfies(d -> assertThat(d.getMetadata().getName()).matches("awss3target-a-b-[0-9a-f]{8}"));
    }

    @Test
    void aSourceLeavesAServiceUnderItsNameAloneUnlessItControlsIt() {
        GenericKubernetesResource source = queueSource("quiet", LITERAL_KEYS);
        awaitCondition(SOURCES, QUEUE_SOURCE, "quiet", "Deployed", "True", "DeploymentAvailable");
        // Someone else's Service that merely lists the source among its owners (controller=false).
        OwnerReference alsoOwnedBy = new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                .withApiVersion(SOURCES).withKind(QUEUE_SOURCE).withName("quiet")
                .withUid(source.getMetadata().getUid()).withController(false).build();
        String name = "awsqueuetestsource-quiet";
        kube.resource(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withOwnerReferences(alsoOwnedBy).endMetadata().withNewSpec().addNewPort().withPort(80).endPort()
                .endSpec().build()).create();
        drainRequests();

        // Resync is 1 s: this window spans several passes of the source.
        List<String> requests = requestsDuring(Duration.ofSeconds(3), 2000);

        assertThat(requests).as("passes of the source during the window (they read its workload)")
                .anyMatch(r -> r.contains("/deployments/" + name));
        assertThat(writes(requests)).noneMatch(r -> r.startsWith("DELETE") && r.contains("/services/" + name));
        assertThat(kube.services().inNamespace(NS).withName(name).get()).isNotNull();
    }

    private static String controllerUid(HasMetadata object) {
        return object == null || object.getMetadata().getOwnerReferences() == null ? null
                : object.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController()))
                .map(OwnerReference::getUid).findFirst().orElse(null);
    }
}
