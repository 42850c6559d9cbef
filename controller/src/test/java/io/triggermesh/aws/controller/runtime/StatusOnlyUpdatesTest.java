package io.triggermesh.aws.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which informer updates the controller ignores: only the echo of a status write. */
class StatusOnlyUpdatesTest {

    private static GenericKubernetesResource object(String resourceVersion, Consumer<GenericKubernetesResource> edit) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion("targets.triggermesh.io/v1alpha1");
        resource.setKind("AWSSQSTarget");
        resource.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("orders").withUid("uid-1")
                .withResourceVersion(resourceVersion).withGeneration(3L).withLabels(Map.of("team", "a"))
                .withFinalizers("targets.triggermesh.io/finalizer").build());
        resource.setAdditionalProperty("spec", Map.of("arn", "arn:aws:sqs:us-east-1:123456789012:orders"));
        resource.setAdditionalProperty("status", Map.of("observedGeneration", 3));
        edit.accept(resource);
        return resource;
    }

    private static GenericKubernetesResource before() {
        return object("100", r -> { });
    }

    @Test
    void aNewStatusAloneIsIgnored() {
        GenericKubernetesResource after = object("101", r -> r.setAdditionalProperty("status",
                Map.of("observedGeneration", 3, "conditions", List.of(Map.of("type", "Ready", "status", "True")))));

        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), after)).isTrue();
    }

    @Test
    void managedFieldsAndGenerationMovingWithAStatusWriteAreStillOnlyStatus() {
        GenericKubernetesResource after = object("101", r -> {
            r.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("controller")
                    .withOperation("Update").withSubresource("status").build()));
            r.setAdditionalProperty("status", Map.of("observedGeneration", 4));
        });

        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), after)).isTrue();
    }

    @Test
    void aPeriodicResyncWithTheSameResourceVersionIsReconciled() {
        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), before())).isFalse();
    }

    @Test
    void aSpecChangeIsReconciled() {
        GenericKubernetesResource after = object("101", r -> {
            r.setAdditionalProperty("spec", Map.of("arn", "arn:aws:sqs:us-east-1:123456789012:invoices"));
            r.getMetadata().setGeneration(4L);
        });

        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), after)).isFalse();
    }

    @Test
    void aLabelChangeIsReconciled() {
        GenericKubernetesResource after = object("101", r -> r.getMetadata().setLabels(Map.of("team", "b")));

        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), after)).isFalse();
    }

    @Test
    void aRemovedFinalizerIsReconciled() {
        GenericKubernetesResource after = object("101", r -> r.getMetadata().setFinalizers(List.of()));

        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), after)).isFalse();
    }

    @Test
    void aDeletionTogetherWithAStatusWriteIsReconciled() {
        GenericKubernetesResource after = object("101", r -> {
            r.getMetadata().setDeletionTimestamp("2026-12-04T18:00:00Z");
            r.setAdditionalProperty("status", Map.of("observedGeneration", 3, "conditions", List.of()));
        });

        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), after)).isFalse();
    }

    @Test
    void aNewTopLevelFieldIsReconciled() {
        GenericKubernetesResource after = object("101", r -> r.setAdditionalProperty("data", Map.of("k", "v")));

        assertThat(StatusOnlyUpdates.onlyStatusChanged(before(), after)).isFalse();
    }
}
