package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Customizing the Kubernetes Service Account used by TriggerMesh", one test per rule, through the real controller:
 * which ServiceAccount is created, joined, left alone, annotated, and repaired.
 */
class ServiceAccountRulesIT extends ControllerScenario {

    private static final String ROLE = "arn:aws:iam::123456789012:role/aws-s3-target-role";
    private static final String OTHER_ROLE = "arn:aws:iam::123456789012:role/another-role";
    private static final String LEGACY_MANAGED_BY = "managed-by";

    @Test
    void customServiceAccountThatDoesNotExistIsCreatedManagedOwnedAndAnnotated() {
        GenericKubernetesResource object = s3Target("custom", "{iam: {roleArn: '" + ROLE
                + "', serviceAccount: my-sa}}");

        awaitReady(TARGETS, S3_TARGET, "custom");
        ServiceAccount sa = serviceAccount("my-sa");
        assertThat(sa.getMetadata().getLabels()).containsEntry(MANAGED_BY, CONTROLLER);
        assertThat(sa.getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE);
        assertThat(sa.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getUid()).isEqualTo(object.getMetadata().getUid());
            assertThat(ref.getKind()).isEqualTo(S3_TARGET);
            assertThat(ref.getName()).isEqualTo("custom");
            assertThat(ref.getController()).isFalse();
            assertThat(ref.getBlockOwnerDeletion()).isTrue();
        });
        assertThat(serviceAccountNameOf(deployment("awss3target-custom"))).isEqualTo("my-sa");
    }

    @Test
    void existingManagedServiceAccountGainsTheObjectAsOwnerAndKeepsEverythingElse() {
        OwnerReference foreign = new OwnerReferenceBuilder().withApiVersion("v1").withKind("ConfigMap")
                .withName("team-settings").withUid("uid-of-someone-else").build();
        kube.resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("team-sa").withNamespace(NS)
                    .withLabels(Map.of(MANAGED_BY, CONTROLLER, "team", "payments"))
                    .withAnnotations(Map.of(ROLE_ANNOTATION, ROLE, "team/contact", "ops@example.com"))
                    .withOwnerReferences(foreign)
                .endMetadata()
                .addNewSecret().withName("team-sa-token").endSecret()
                .addNewImagePullSecret().withName("registry-credentials").endImagePullSecret()
                .build()).create();

        GenericKubernetesResource object = s3Target("joiner", "{iam: {roleArn: '" + ROLE
                + "', serviceAccount: team-sa}}");

        ServiceAccount sa = await().atMost(CONVERGE).until(() -> serviceAccount("team-sa"),
                s -> s.getMetadata().getOwnerReferences().size() == 2);
        assertThat(sa.getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                .containsExactly("uid-of-someone-else", object.getMetadata().getUid());
        assertThat(sa.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(sa.getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE)
                .containsEntry("team/contact", "ops@example.com");
        assertThat(sa.getSecrets()).extracting(s -> s.getName()).containsExactly("team-sa-token");
        assertThat(sa.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("registry-credentials");
        awaitReady(TARGETS, S3_TARGET, "joiner");
        assertThat(serviceAccountNameOf(deployment("awss3target-joiner"))).isEqualTo("team-sa");
    }

    @Test
    void sharedServiceAccountKeepsItsRoleAnnotationAndAConflictingRoleIsReported() {
        s3Target("first", "{iam: {roleArn: '" + ROLE + "', serviceAccount: shared-sa}}");
        awaitReady(TARGETS, S3_TARGET, "first");
        assertThat(serviceAccount("shared-sa").getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE);

        s3Target("second", "{iam: {roleArn: '" + OTHER_ROLE + "', serviceAccount: shared-sa}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "second", "ServiceAccountReady", "False",
                "RoleArnConflict");
        assertThat(condition(status, "ServiceAccountReady").get("message")).asString()
                .contains("shared-sa", OTHER_ROLE, ROLE);
        assertThat(awaitWarning("second", "RoleArnConflict").getMessage()).contains("shared-sa");
        ServiceAccount sa = serviceAccount("shared-sa");
        assertThat(sa.getMetadata().getOwnerReferences()).extracting(OwnerReference::getName)
                .containsExactly("first", "second");
        assertThat(sa.getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE);
        // The first object agrees with the annotation: sharing is no problem for it.
        awaitReady(TARGETS, S3_TARGET, "first");

        // With two owners, even the first owner's new roleArn is not written.
        s3TargetRole("first", OTHER_ROLE);
        awaitCondition(TARGETS, S3_TARGET, "first", "ServiceAccountReady", "False", "RoleArnConflict");
        assertThat(serviceAccount("shared-sa").getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE);
    }

    @Test
    void legacyManagedByLabelMakesTheServiceAccountManagedToo() {
        kube.resource(new ServiceAccountBuilder().withNewMetadata().withName("legacy-sa").withNamespace(NS)
                .withLabels(Map.of(LEGACY_MANAGED_BY, CONTROLLER)).endMetadata().build()).create();

        GenericKubernetesResource object = s3Target("legacy", "{iam: {roleArn: '" + ROLE
                + "', serviceAccount: legacy-sa}}");

        awaitReady(TARGETS, S3_TARGET, "legacy");
        ServiceAccount sa = serviceAccount("legacy-sa");
        assertThat(sa.getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                .containsExactly(object.getMetadata().getUid());
        // Its only owner: the controller may write the role annotation, as on any managed ServiceAccount.
        assertThat(sa.getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE);

        // Released like any managed ServiceAccount when the object stops using it.
        setAuth(TARGETS, S3_TARGET, "legacy", "{credentials: {accessKeyID: {value: AKIALEGACY},"
                + " secretAccessKey: {value: legacy-secret}}}");
        await().atMost(CONVERGE).until(() -> serviceAccount("legacy-sa") == null);
    }

    @Test
    void unmanagedServiceAccountIsNeverModifiedButStillAssigned() {
        kube.resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("byo-sa").withNamespace(NS).withLabels(Map.of("team", "payments"))
                .endMetadata()
                .withAutomountServiceAccountToken(false)
                .build()).create();
        ServiceAccount before = serviceAccount("byo-sa");

        s3Target("byo", "{iam: {roleArn: '" + ROLE + "', serviceAccount: byo-sa}}");

        assertThat(serviceAccountNameOf(awaitDeployment("awss3target-byo"))).isEqualTo("byo-sa");
        // Its role annotation is missing, which the controller reports instead of fixing.
        awaitCondition(TARGETS, S3_TARGET, "byo", "ServiceAccountReady", "False",
                "UnmanagedServiceAccountRoleMismatch");
        awaitNoWritesForASecond();
        ServiceAccount after = serviceAccount("byo-sa");
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(Serialization.asJson(after)).isEqualTo(Serialization.asJson(before));
    }

    @Test
    void omittedRoleArnCreatesTheServiceAccountWithoutAnnotationAndWarns() {
        s3Target("no-role", "{iam: {serviceAccount: no-role-sa}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "no-role", "ServiceAccountReady", "False",
                "NoRoleArn");
        assertThat(condition(status, "ServiceAccountReady")).containsEntry("severity", "Warning");
        // A warning: the adapter runs (and its health decides Deployed), so Ready does not turn False for it.
        awaitReady(TARGETS, S3_TARGET, "no-role");
        ServiceAccount sa = serviceAccount("no-role-sa");
        assertThat(sa.getMetadata().getLabels()).containsEntry(MANAGED_BY, CONTROLLER);
        assertThat(sa.getMetadata().getAnnotations()).doesNotContainKey(ROLE_ANNOTATION);
        assertThat(awaitWarning("no-role", "NoRoleArn").getMessage()).contains("spec.auth.iam.roleArn");
        assertThat(serviceAccountNameOf(awaitDeployment("awss3target-no-role"))).isEqualTo("no-role-sa");
    }

    @Test
    void removedRoleAnnotationOnAManagedServiceAccountIsRestored() {
        s3Target("drift", "{iam: {roleArn: '" + ROLE + "'}}");
        awaitReady(TARGETS, S3_TARGET, "drift");

        kube.serviceAccounts().inNamespace(NS).withName("awss3target-i-drift")
                .edit(sa -> new ServiceAccountBuilder(sa).editMetadata().removeFromAnnotations(ROLE_ANNOTATION)
                        .endMetadata().build());

        await().atMost(CONVERGE).untilAsserted(() -> assertThat(serviceAccount("awss3target-i-drift")
                .getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE));
    }

    @Test
    void deletedManagedServiceAccountIsRecreated() {
        s3Target("gone", "{iam: {roleArn: '" + ROLE + "'}}");
        awaitReady(TARGETS, S3_TARGET, "gone");
        String firstUid = serviceAccount("awss3target-i-gone").getMetadata().getUid();

        kube.serviceAccounts().inNamespace(NS).withName("awss3target-i-gone").delete();

        ServiceAccount recreated = await().atMost(CONVERGE).until(() -> serviceAccount("awss3target-i-gone"),
                sa -> sa != null && !sa.getMetadata().getUid().equals(firstUid));
        assertThat(recreated.getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, ROLE);
        assertThat(recreated.getMetadata().getLabels()).containsEntry(MANAGED_BY, CONTROLLER);
    }

    private void s3TargetRole(String name, String roleArn) {
        setAuth(TARGETS, S3_TARGET, name, "{iam: {roleArn: '" + roleArn + "', serviceAccount: shared-sa}}");
    }
}
