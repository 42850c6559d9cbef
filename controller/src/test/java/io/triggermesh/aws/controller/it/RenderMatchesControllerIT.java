package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.triggermesh.aws.controller.desired.AdapterSettings;
import io.triggermesh.aws.controller.plugins.PluginRegistry;
import io.triggermesh.aws.controller.reconcile.GivenObjects;
import io.triggermesh.aws.controller.reconcile.Preview;
import io.triggermesh.aws.controller.validation.ObjectValidator;
import io.triggermesh.aws.controller.validation.ValidatedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code render} and the controller run one pipeline: for each kind and way of giving credentials, what render
 * prints for an object and the objects that exist is what the controller writes to the API server for them.
 * "Before" renders against the objects that existed before the controller's first pass; "after" against the
 * cluster as the controller left it (what {@code kubectl get -o yaml} would give render).
 */
class RenderMatchesControllerIT extends ControllerScenario {

    private static final String ROLE = "arn:aws:iam::123456789012:role/orders";
    private static final String KEYS_FROM_SECRET = "{credentials: {accessKeyID: {valueFromSecret: {name: aws, key:"
            + " id}}, secretAccessKey: {valueFromSecret: {name: aws, key: secret}}}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExistingManagedServiceAccountKeepsImagePullSecretsLabelsAndAnnotationsInRenderAsInTheCluster() {
        kube.resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("team-sa").withNamespace(NS)
                    .withLabels(Map.of(MANAGED_BY, CONTROLLER, "team", "payments"))
                    .withAnnotations(Map.of("team/contact", "ops@example.com"))
                .endMetadata()
                .addNewSecret().withName("team-sa-token").endSecret()
                .addNewImagePullSecret().withName("registry-credentials").endImagePullSecret()
                .build()).create();
        List<HasMetadata> before = existing();

        apply("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSSQSSource
                metadata: {name: orders, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:orders
                  sink: {uri: "http://display.default.svc.cluster.local"}
                  auth: {iam: {roleArn: '%s', serviceAccount: team-sa}}
                """.formatted(ROLE));
        settle("awssqssource-orders");

        Preview rendered = render(SOURCES, "AWSSQSSource", "orders", before);
        ServiceAccount sa = rendered.objects().stream().filter(ServiceAccount.class::isInstance)
                .map(ServiceAccount.class::cast).findFirst().orElseThrow();
        assertThat(sa.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("registry-credentials");
        assertThat(sa.getSecrets()).extracting(s -> s.getName()).containsExactly("team-sa-token");
        assertThat(sa.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(sa.getMetadata().getAnnotations()).containsEntry("team/contact", "ops@example.com")
                .containsEntry(ROLE_ANNOTATION, ROLE);
        assertSameAsCluster(rendered);
        assertSameAsCluster(render(SOURCES, "AWSSQSSource", "orders", existing()));
    }

    @Test
    void anS3TargetWithIrsaRendersWhatTheControllerWrites() {
        List<HasMetadata> before = existing();
        s3Target("archive", "{iam: {roleArn: '" + ROLE + "'}}");
        settle("awss3target-archive");

        assertSameAsCluster(render(TARGETS, S3_TARGET, "archive", before));
        assertSameAsCluster(render(TARGETS, S3_TARGET, "archive", existing()));
    }

    @Test
    void anSqsTargetWithKeysFromASecretRendersWhatTheControllerWrites() {
        secret("aws", Map.of("id", "AKIDRENDER", "secret", "render-secret"));
        List<HasMetadata> before = existing();
        sqsTarget("keys", KEYS_FROM_SECRET);
        settle("awssqstarget-keys");

        Preview rendered = render(TARGETS, SQS_TARGET, "keys", before);
        assertSameAsCluster(rendered);
        assertThat(deployment("awssqstarget-keys").getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("triggermesh.io/credentials-version");
        assertSameAsCluster(render(TARGETS, SQS_TARGET, "keys", existing()));
    }

    @Test
    void anSqsTargetWithLiteralKeysSessionTokenAndRoleRendersWhatTheControllerWrites() {
        sqsTarget("literal", "{credentials: {accessKeyID: {value: AKIDLITERAL}, secretAccessKey: {value: lit},"
                + " sessionToken: {value: token}, assumeIamRole: '" + ROLE + "'}}");
        settle("awssqstarget-literal");

        // The owned Secret's resourceVersion, which the credentials version digests, is the API server's to give:
        // render reproduces the controller's objects from the cluster as the controller left it.
        Preview rendered = render(TARGETS, SQS_TARGET, "literal", existing());
        assertThat(rendered.objects()).extracting(HasMetadata::getKind).contains("Secret", "Deployment", "Service");
        assertSameAsCluster(rendered);
    }

    @Test
    void anS3SourceWithItsOwnQueueRendersWhatTheControllerWrites() {
        try (S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDTEST", "test"))).build()) {
            s3.createBucket(b -> b.bucket("render-bucket"));
        }
        secret("aws", Map.of("id", "AKIDRENDER", "secret", "render-secret"));
        apply("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: uploads, namespace: default}
                spec:
                  arn: arn:aws:s3:::render-bucket
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "http://display.default.svc.cluster.local"}
                  auth: %s
                """.formatted(KEYS_FROM_SECRET));
        settle("awss3source-uploads");

        // The managed queue's ARN comes from the status the resources step published, as the controller reads it.
        assertSameAsCluster(render(SOURCES, "AWSS3Source", "uploads", existing()));
        assertThat(awaitCeAttributes(SOURCES, "AWSS3Source", "uploads")).allSatisfy(entry ->
                assertThat(entry).containsEntry("source", "arn:aws:s3:::render-bucket"));
    }

    @Test
    void theBundledSqsSourceStillAnnouncesSpecArnAsItsEventSource() {
        apply("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSSQSSource
                metadata: {name: by-default, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:by-default
                  sink: {uri: "http://display.default.svc.cluster.local"}
                  auth: {iam: {roleArn: '%s'}}
                """.formatted(ROLE));

        assertThat(awaitCeAttributes(SOURCES, "AWSSQSSource", "by-default")).isNotEmpty().allSatisfy(entry ->
                assertThat(entry).containsEntry("source", "arn:aws:sqs:us-east-1:123456789012:by-default"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> awaitCeAttributes(String apiVersion, String kind, String name) {
        return (List<Map<String, Object>>) org.awaitility.Awaitility.await().atMost(CONVERGE)
                .until(() -> status(apiVersion, kind, name).get("ceAttributes"),
                        value -> value instanceof List<?> list && !list.isEmpty());
    }

    private void secret(String name, Map<String, String> data) {
        Map<String, String> encoded = new TreeMap<>();
        data.forEach((k, v) -> encoded.put(k, java.util.Base64.getEncoder().encodeToString(v.getBytes())));
        kube.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withData(encoded).build()).create();
    }

    /** Waits for the Deployment and until the controller writes nothing more. */
    private void settle(String deployment) {
        awaitDeployment(deployment);
        awaitNoWritesForASecond();
    }

    /** Every ServiceAccount, Secret, Deployment and Service in the namespace, as the API server holds them. */
    private List<HasMetadata> existing() {
        List<HasMetadata> out = new ArrayList<>();
        out.addAll(kube.serviceAccounts().inNamespace(NS).list().getItems());
        out.addAll(kube.secrets().inNamespace(NS).list().getItems());
        out.addAll(kube.apps().deployments().inNamespace(NS).list().getItems());
        out.addAll(kube.services().inNamespace(NS).list().getItems());
        return out;
    }

    /** What render prints for the object as the API server holds it, given {@code existing}. */
    private Preview render(String apiVersion, String kind, String name, List<HasMetadata> existing) {
        GenericKubernetesResource object = get(apiVersion, kind, name);
        ValidatedObject validated = new ObjectValidator(controller.bean(PluginRegistry.class))
                .validate(JSON.valueToTree(object));
        assertThat(validated.problems()).isEmpty();
        List<GenericKubernetesResource> given = existing.stream()
                .map(o -> JSON.convertValue(o, GenericKubernetesResource.class)).toList();
        return Preview.of(validated, object, new GivenObjects(given),
                controller.bean(AdapterSettings.class));
    }

    /**
     * Each rendered object equals the one in the cluster but for what the API server assigns, and render shows
     * every ServiceAccount, Secret, Deployment and Service the controller wrote for the object.
     */
    private void assertSameAsCluster(Preview rendered) {
        assertThat(rendered.objects()).isNotEmpty();
        for (HasMetadata object : rendered.objects()) {
            HasMetadata actual = existing().stream().filter(o -> o.getKind().equals(object.getKind())
                    && o.getMetadata().getName().equals(object.getMetadata().getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("not in the cluster: " + object.getKind() + "/"
                            + object.getMetadata().getName()));
            assertThat(comparable(object)).as(object.getKind() + "/" + object.getMetadata().getName())
                    .isEqualTo(comparable(actual));
        }
        String uid = rendered.objects().stream().filter(Deployment.class::isInstance).findFirst().orElseThrow()
                .getMetadata().getOwnerReferences().get(0).getUid();
        List<String> written = existing().stream().filter(o -> Stream.ofNullable(o.getMetadata().getOwnerReferences())
                .flatMap(List::stream).map(OwnerReference::getUid).anyMatch(uid::equals))
                .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
        assertThat(rendered.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsAll(written);
    }

    /** The object without what the API server assigns or the fake kubelet reports. */
    private static JsonNode comparable(HasMetadata object) {
        ObjectNode node = JSON.valueToTree(object);
        node.remove("status");
        ObjectNode metadata = (ObjectNode) node.path("metadata");
        Stream.of("resourceVersion", "uid", "creationTimestamp", "generation", "managedFields")
                .forEach(metadata::remove);
        if (node.path("spec") instanceof ObjectNode spec) {
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
        }
        return node;
    }
}
