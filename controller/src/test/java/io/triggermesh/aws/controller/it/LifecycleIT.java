package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An object's life: changing its auth mode, drift of what the controller applied, invalid specs, steady state,
 * and deletion. Resync is 1 s, so steady-state checks cover several periodic reconciles.
 */
class LifecycleIT extends ControllerScenario {

    private static final String ROLE = "arn:aws:iam::123456789012:role/switch-role";
    private static final String ASSUMED = "arn:aws:iam::111111111111:role/switch-assumed";
    private static final String LITERAL_KEYS = "{credentials: {accessKeyID: {value: AKIDSWITCH},"
            + " secretAccessKey: {value: switch-secret}}}";

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.resync", "1s");
    }

    @Test
    void switchingAuthModeLeavesNoStaleSecretServiceAccountOrEnv() {
        sqsTarget("switch", LITERAL_KEYS);
        awaitReady(TARGETS, SQS_TARGET, "switch");
        assertThat(kube.secrets().inNamespace(NS).withName("awssqstarget-switch-aws-credentials").get()).isNotNull();

        setAuth(TARGETS, SQS_TARGET, "switch", "{iam: {roleArn: '" + ROLE + "', assumeIamRole: '" + ASSUMED + "'}}");

        Deployment irsa = await().atMost(CONVERGE).until(() -> deployment("awssqstarget-switch"),
                d -> "awssqstarget-i-switch".equals(serviceAccountNameOf(d)));
        assertThat(names(irsa)).doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
                .contains("AWS_ASSUME_ROLE_ARN");
        assertThat(kube.secrets().inNamespace(NS).withName("awssqstarget-switch-aws-credentials").get()).isNull();
        assertThat(serviceAccount("awssqstarget-i-switch").getMetadata().getAnnotations())
                .containsEntry(ROLE_ANNOTATION, ROLE);

        kube.resource(new SecretBuilder().withNewMetadata().withName("aws").withNamespace(NS).endMetadata()
                .withStringData(Map.of("id", "AKIDBACK", "secret", "back-secret")).build()).create();
        setAuth(TARGETS, SQS_TARGET, "switch", "{credentials: {accessKeyID: {valueFromSecret: {name: aws, key: id}},"
                + " secretAccessKey: {valueFromSecret: {name: aws, key: secret}}}}");

        Deployment keys = await().atMost(CONVERGE).until(() -> deployment("awssqstarget-switch"),
                d -> serviceAccountNameOf(d) == null);
        assertThat(names(keys)).contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
                .noneMatch(name -> name.startsWith("AWS_ASSUME_ROLE"));
        assertThat(env(keys)).filteredOn(e -> e.getValueFrom() != null)
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("aws"));
        await().atMost(CONVERGE).until(() -> serviceAccount("awssqstarget-i-switch") == null);
        awaitReady(TARGETS, SQS_TARGET, "switch");
        assertThat(kube.secrets().inNamespace(NS).withName("awssqstarget-switch-aws-credentials").get()).isNull();
    }

    @Test
    void changedAdapterImageIsRestored() {
        sqsTarget("drift", LITERAL_KEYS);
        awaitReady(TARGETS, SQS_TARGET, "drift");
        String image = deployment("awssqstarget-drift").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage();

        kube.apps().deployments().inNamespace(NS).withName("awssqstarget-drift").edit(d -> new DeploymentBuilder(d)
                .editSpec().editTemplate().editSpec().editFirstContainer().withImage("attacker.example/evil:1")
                .endContainer().endSpec().endTemplate().endSpec().build());

        await().atMost(CONVERGE).untilAsserted(() -> assertThat(deployment("awssqstarget-drift").getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(image));
    }

    @Test
    void specWithBothCredentialsAndIamIsRejectedWithTheFieldAndNoHotLoop() {
        s3Target("both", "{credentials: {accessKeyID: {value: AKIDBOTH}, secretAccessKey: {value: both-secret}},"
                + " iam: {roleArn: '" + ROLE + "'}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "both", "Ready", "False", "InvalidSpec");
        assertThat(condition(status, "Ready").get("message")).asString()
                .contains("spec.auth: sets both credentials and iam");
        assertThat(awaitWarning("both", "InvalidSpec").getMessage()).contains("spec.auth");

        List<String> requests = requestsDuring(Duration.ofSeconds(3), 3);
        assertThat(writes(requests)).isEmpty();
        assertThat(deployment("awss3target-both")).isNull();
        assertThat(serviceAccount("awss3target-i-both")).isNull();
        assertThat(kube.secrets().inNamespace(NS).withName("awss3target-both-aws-credentials").get()).isNull();
    }

    @Test
    void invalidRoleArnIsRejectedWithTheFieldUntilTheObjectIsFixed() {
        s3Target("bad-arn", "{iam: {roleArn: 'arn:aws:s3:::test-bucket'}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "bad-arn", "Ready", "False", "InvalidSpec");
        assertThat(condition(status, "Ready").get("message")).asString().contains("spec.auth.iam.roleArn");
        assertThat(awaitWarning("bad-arn", "InvalidSpec").getMessage()).contains("spec.auth.iam.roleArn");
        assertThat(deployment("awss3target-bad-arn")).isNull();

        setAuth(TARGETS, S3_TARGET, "bad-arn", "{iam: {roleArn: '" + ROLE + "'}}");

        awaitReady(TARGETS, S3_TARGET, "bad-arn");
        assertThat(awaitDeployment("awss3target-bad-arn")).isNotNull();
    }

    @Test
    void noOpResyncMakesNoWritesAndNoAwsCalls() {
        kube.resource(new SecretBuilder().withNewMetadata().withName("aws").withNamespace(NS).endMetadata()
                .withStringData(Map.of("id", "AKIDSTEADY", "secret", "steady-secret")).build()).create();
        sqsTarget("steady-keys", "{credentials: {accessKeyID: {valueFromSecret: {name: aws, key: id}},"
                + " secretAccessKey: {valueFromSecret: {name: aws, key: secret}}}}");
        s3Target("steady-irsa", "{iam: {roleArn: '" + ROLE + "'}}");
        queueSource("steady-queue", LITERAL_KEYS);
        awaitReady(TARGETS, SQS_TARGET, "steady-keys");
        awaitReady(TARGETS, S3_TARGET, "steady-irsa");
        awaitReady(SOURCES, QUEUE_SOURCE, "steady-queue");
        awaitNoWritesForASecond();
        int ensureCalls = QueueTestPlugin.ensureCalls(NS, "steady-queue");
        assertThat(ensureCalls).isPositive();

        // Watch until at least two resyncs have re-read the Secret (1 s apart; longer when the machine is busy).
        List<String> requests = new ArrayList<>();
        for (int second = 0; second < 15 && secretReads(requests) < 2; second++) {
            requests.addAll(requestsDuring(Duration.ofSeconds(1), 500));
        }

        assertThat(writes(requests)).as("writes during a no-op resync").isEmpty();
        // The window did cover resyncs: each re-read the Secret its object references.
        assertThat(requests).filteredOn(r -> r.equals("GET /api/v1/namespaces/default/secrets/aws"))
                .hasSizeGreaterThan(1);
        assertThat(QueueTestPlugin.ensureCalls(NS, "steady-queue")).as("AWS calls during a no-op resync")
                .isEqualTo(ensureCalls);
    }

    private static long secretReads(List<String> requests) {
        return requests.stream().filter(r -> r.equals("GET /api/v1/namespaces/default/secrets/aws")).count();
    }

    @Test
    void deletionRunsTheFinalizerAndRemovesTheManagedQueue() {
        queueSource("doomed", LITERAL_KEYS);
        Map<String, Object> status = awaitReady(SOURCES, QUEUE_SOURCE, "doomed");
        assertThat(queueUrls()).contains(String.valueOf(status.get("queueUrl")));

        delete(SOURCES, QUEUE_SOURCE, "doomed");

        await().atMost(CONVERGE).until(() -> get(SOURCES, QUEUE_SOURCE, "doomed") == null);
        assertThat(queueUrls()).noneMatch(url -> url.contains("tm-default-doomed"));
        assertThat(QueueTestPlugin.cleanupCalls(NS, "doomed")).isEqualTo(1);
        assertThat(events("doomed")).anyMatch(e -> "Normal".equals(e.getType()) && "CleanedUp".equals(e.getReason()));
    }

    @Test
    void cleanupThatKeepsFailingReleasesTheFinalizerAfterBoundedAttempts() {
        String name = QueueTestPlugin.FAILING_CLEANUP_PREFIX + "-stuck";
        queueSource(name, LITERAL_KEYS);
        awaitReady(SOURCES, QUEUE_SOURCE, name);

        delete(SOURCES, QUEUE_SOURCE, name);

        await().atMost(CONVERGE).until(() -> get(SOURCES, QUEUE_SOURCE, name) == null);
        assertThat(awaitWarning(name, "CleanupAbandoned").getMessage()).contains("after 5 attempts", "tm-default-"
                + name);
        assertThat(QueueTestPlugin.cleanupCalls(NS, name)).isGreaterThanOrEqualTo(5);
    }

    private List<String> queueUrls() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(aws.endpoint()).region(Region.of(aws.region()))
                .credentialsProvider(aws.rootCredentialsProvider()).build()) {
            return sqs.listQueues().queueUrls();
        }
    }

    private static List<String> names(Deployment deployment) {
        return env(deployment).stream().map(EnvVar::getName).toList();
    }
}
