package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How an object's AWS credentials reach its adapter: Secret references only, literal values moved into a Secret the
 * object owns, and the role to assume passed on. Resync is 1 s because the controller does not watch Secrets.
 */
class CredentialsIT extends ControllerScenario {

    private static final String CROSS_ACCOUNT_ROLE = "arn:aws:iam::111111111111:role/cross-account";

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.resync", "1s");
    }

    @Test
    void staticKeysFromASecretBecomeSecretKeyRefEnvWithNoValueInTheDeployment() {
        createSecret("aws", Map.of("AWS_ACCESS_KEY_ID", "AKIDCANARY", "AWS_SECRET_ACCESS_KEY", "SECRETCANARY"));

        sqsTarget("static-keys", "{credentials: {accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}},"
                + " secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}}}");

        awaitReady(TARGETS, SQS_TARGET, "static-keys");
        Deployment deployment = deployment("awssqstarget-static-keys");
        assertThat(env(deployment)).filteredOn(e -> e.getName().startsWith("AWS_") && e.getValueFrom() != null)
                .extracting(CredentialsIT::secretRef)
                .containsExactly("AWS_ACCESS_KEY_ID=aws/AWS_ACCESS_KEY_ID",
                        "AWS_SECRET_ACCESS_KEY=aws/AWS_SECRET_ACCESS_KEY");
        assertThat(Serialization.asJson(deployment)).doesNotContain("CANARY");
    }

    @Test
    void missingReferencedSecretIsReportedAndPickedUpOnceItExists() {
        sqsTarget("late-secret", "{credentials: {accessKeyID: {valueFromSecret: {name: late, key: id}},"
                + " secretAccessKey: {valueFromSecret: {name: late, key: secret}}}}");

        Map<String, Object> status = awaitCondition(TARGETS, SQS_TARGET, "late-secret", "CredentialsReady", "False",
                "SecretNotFound");
        assertThat(condition(status, "Ready")).containsEntry("status", "False")
                .containsEntry("reason", "SecretNotFound");
        assertThat(condition(status, "CredentialsReady").get("message")).asString().contains("late");
        awaitWarning("late-secret", "SecretNotFound");

        createSecret("late", Map.of("id", "AKIDLATE", "secret", "late-secret-value"));

        Map<String, Object> ready = awaitReady(TARGETS, SQS_TARGET, "late-secret");
        assertThat(condition(ready, "CredentialsReady")).containsEntry("status", "True");
    }

    @Test
    void literalValuesMoveToASecretOwnedByTheObject() {
        var object = sqsTarget("literal", "{credentials: {accessKeyID: {value: AKIDLITERALCANARY},"
                + " secretAccessKey: {value: literal-secret-canary}}}");

        awaitReady(TARGETS, SQS_TARGET, "literal");
        Secret secret = kube.secrets().inNamespace(NS).withName("awssqstarget-literal-aws-credentials").get();
        assertThat(secret).isNotNull();
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getUid()).isEqualTo(object.getMetadata().getUid());
            assertThat(ref.getKind()).isEqualTo(SQS_TARGET);
            assertThat(ref.getController()).isTrue();
        });
        assertThat(decoded(secret)).containsEntry("AWS_ACCESS_KEY_ID", "AKIDLITERALCANARY")
                .containsEntry("AWS_SECRET_ACCESS_KEY", "literal-secret-canary");
        Deployment deployment = deployment("awssqstarget-literal");
        assertThat(env(deployment)).filteredOn(e -> e.getName().startsWith("AWS_") && e.getValueFrom() != null)
                .extracting(CredentialsIT::secretRef).containsExactly(
                        "AWS_ACCESS_KEY_ID=awssqstarget-literal-aws-credentials/AWS_ACCESS_KEY_ID",
                        "AWS_SECRET_ACCESS_KEY=awssqstarget-literal-aws-credentials/AWS_SECRET_ACCESS_KEY");
        assertThat(Serialization.asJson(deployment)).doesNotContainIgnoringCase("canary");
    }

    @Test
    void assumeIamRoleWithCredentialsIsPassedToTheAdapter() {
        sqsTarget("cross", "{credentials: {accessKeyID: {value: AKIDCROSS}, secretAccessKey: {value: cross-secret},"
                + " assumeIamRole: '" + CROSS_ACCOUNT_ROLE + "'}}");

        awaitReady(TARGETS, SQS_TARGET, "cross");
        assertThat(plainEnv(deployment("awssqstarget-cross")))
                .containsEntry("AWS_ASSUME_ROLE_ARN", CROSS_ACCOUNT_ROLE)
                .containsEntry("AWS_ASSUME_ROLE_SESSION_NAME", "triggermesh-default-cross");
    }

    @Test
    void assumeIamRoleUnderIamIsPassedToTheAdapter() {
        s3Target("irsa-cross", "{iam: {roleArn: 'arn:aws:iam::123456789012:role/irsa',"
                + " assumeIamRole: '" + CROSS_ACCOUNT_ROLE + "'}}");

        awaitReady(TARGETS, S3_TARGET, "irsa-cross");
        Deployment deployment = deployment("awss3target-irsa-cross");
        assertThat(plainEnv(deployment)).containsEntry("AWS_ASSUME_ROLE_ARN", CROSS_ACCOUNT_ROLE)
                .doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        assertThat(env(deployment)).extracting(EnvVar::getName)
                .doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
        assertThat(serviceAccountNameOf(deployment)).isEqualTo("awss3target-i-irsa-cross");
    }

    private void createSecret(String name, Map<String, String> data) {
        kube.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withStringData(data).build()).create();
    }

    private static String secretRef(EnvVar e) {
        return e.getName() + "=" + e.getValueFrom().getSecretKeyRef().getName() + "/"
                + e.getValueFrom().getSecretKeyRef().getKey();
    }

    private static Map<String, String> plainEnv(Deployment deployment) {
        Map<String, String> out = new TreeMap<>();
        env(deployment).stream().filter(e -> e.getValue() != null).forEach(e -> out.put(e.getName(), e.getValue()));
        return out;
    }

    private static Map<String, String> decoded(Secret secret) {
        Map<String, String> out = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v),
                    StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            out.putAll(secret.getStringData());
        }
        return out;
    }
}
