package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** First scenarios of the guide, through the real controller against a mock Kubernetes API and an AWS emulator. */
class ControllerScenariosIT extends ControllerScenario {

    @Test
    void temporaryCredentialsFromSecretBecomeSecretKeyRefEnvOfTheTarget() {
        kube.resource(new SecretBuilder().withNewMetadata().withName("aws").withNamespace(NS).endMetadata()
                .withStringData(Map.of("AWS_ACCESS_KEY_ID", "AKIDCANARY", "AWS_SECRET_ACCESS_KEY", "SECRETCANARY",
                        "AWS_SESSION_TOKEN", "TOKENCANARY")).build()).create();
        apply("""
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: triggermesh-aws-sqs, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:queue_name
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                      sessionToken: {valueFromSecret: {name: aws, key: AWS_SESSION_TOKEN}}
                """);

        Deployment deployment = awaitDeployment("awssqstarget-triggermesh-aws-sqs");
        List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).filteredOn(e -> e.getName().startsWith("AWS_") && e.getValueFrom() != null)
                .extracting(e -> e.getName() + "=" + e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey())
                .containsExactly("AWS_ACCESS_KEY_ID=aws/AWS_ACCESS_KEY_ID",
                        "AWS_SECRET_ACCESS_KEY=aws/AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN=aws/AWS_SESSION_TOKEN");
        assertThat(Serialization.asJson(deployment)).doesNotContain("CANARY");
        assertThat(kube.services().inNamespace(NS).withName("awssqstarget-triggermesh-aws-sqs").get()).isNotNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> status = status("targets.triggermesh.io/v1alpha1", "AWSSQSTarget",
                    "triggermesh-aws-sqs");
            assertThat(condition(status, "Ready")).containsEntry("status", "True");
            assertThat(status).containsEntry("address",
                    Map.of("url", "http://awssqstarget-triggermesh-aws-sqs.default.svc.cluster.local"));
        });
    }

    @Test
    void iamRoleArnCreatesAnnotatedServiceAccountAssignedToTheAdapter() {
        apply("""
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata: {name: triggermesh-aws-s3-test, namespace: default}
                spec:
                  adapterOverrides: {public: true}
                  arn: arn:aws:s3:::test-bucket
                  auth:
                    iam: {roleArn: "arn:aws:iam::123456789012:role/aws-s3-target-role"}
                """);

        Deployment deployment = awaitDeployment("awss3target-triggermesh-aws-s3-test");
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("awss3target-i-triggermesh-aws-s3-test");
        ServiceAccount sa = kube.serviceAccounts().inNamespace(NS).withName("awss3target-i-triggermesh-aws-s3-test")
                .get();
        assertThat(sa.getMetadata().getAnnotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/aws-s3-target-role");
        assertThat(sa.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "triggermesh-controller");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName).noneMatch(n -> n.startsWith("AWS_ACCESS") || n.startsWith("AWS_SECRET"));
        assertThat(kube.services().inNamespace(NS).withName("awss3target-triggermesh-aws-s3-test").get()
                .getSpec().getType()).isEqualTo("LoadBalancer");
    }

    @Test
    void managedResourcesAreCreatedWithTheObjectsOwnKeysAndRemovedByTheFinalizer() {
        apply("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSQueueTestSource
                metadata: {name: q1, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:ignored
                  sink: {uri: "http://sink.default.svc.cluster.local"}
                  auth:
                    credentials:
                      accessKeyID: {value: AKIAQUEUETEST}
                      secretAccessKey: {value: queue-test-secret}
                """);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> status = status("sources.triggermesh.io/v1alpha1", QueueTestPlugin.KIND, "q1");
            assertThat(condition(status, "Ready")).containsEntry("status", "True");
            assertThat(status.get("queueUrl")).asString().contains("tm-default-q1");
            assertThat(status.get("createdBy")).asString().contains("123456789012");
        });
        GenericKubernetesResource object = get("sources.triggermesh.io/v1alpha1", QueueTestPlugin.KIND, "q1");
        assertThat(object.getMetadata().getFinalizers()).contains("triggermesh.io/aws-resources");

        kube.genericKubernetesResources("sources.triggermesh.io/v1alpha1", QueueTestPlugin.KIND).inNamespace(NS)
                .withName("q1").delete();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("sources.triggermesh.io/v1alpha1", QueueTestPlugin.KIND, "q1")).isNull());
        try (SqsClient sqs = SqsClient.builder().endpointOverride(aws.endpoint()).region(Region.of(aws.region()))
                .credentialsProvider(aws.rootCredentialsProvider()).build()) {
            assertThat(sqs.listQueues().queueUrls()).noneMatch(url -> url.contains("tm-default-q1"));
        }
    }
}
