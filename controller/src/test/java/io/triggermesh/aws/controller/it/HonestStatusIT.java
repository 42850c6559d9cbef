package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl get} says is true: Ready follows the adapter Deployment's availability, a missing Secret key,
 * a write the API server refuses and a warning each show up as what they are. The controller runs with the default
 * resync (10 minutes), so every change seen here comes from an event, not a resync.
 */
class HonestStatusIT extends ControllerScenario {

    private static final String KEYS = "{credentials: {accessKeyID: {value: AKIDHONEST},"
            + " secretAccessKey: {value: honest-secret}}}";
    private static final String ROLE = "arn:aws:iam::123456789012:role/aws-s3-target-role";

    @Test
    void readyWaitsForTheAdapterToBeAvailableAndFollowsItWhenItTurnsUnhealthy() {
        kubelet.holdUnavailable("awssqstarget-unready");

        sqsTarget("unready", KEYS);

        Map<String, Object> status = awaitCondition(TARGETS, SQS_TARGET, "unready", "Deployed", "False",
                "MinimumReplicasUnavailable");
        assertThat(condition(status, "Ready")).containsEntry("status", "False")
                .containsEntry("reason", "MinimumReplicasUnavailable");
        assertThat(condition(status, "Deployed").get("message")).asString()
                .contains("awssqstarget-unready", "0 of 1 replica available");
        awaitWarning("unready", "MinimumReplicasUnavailable");

        kubelet.release("awssqstarget-unready");
        Map<String, Object> ready = awaitReady(TARGETS, SQS_TARGET, "unready");
        assertThat(condition(ready, "Deployed")).containsEntry("status", "True")
                .containsEntry("reason", "DeploymentAvailable");

        // The adapter's /health turns 503 later (its queue was deleted): Ready follows without a spec change.
        kubelet.holdUnavailable("awssqstarget-unready");
        awaitCondition(TARGETS, SQS_TARGET, "unready", "Ready", "False", "MinimumReplicasUnavailable");
    }

    @Test
    void aSecretKeyThatDoesNotExistIsCredentialsReadyFalseNamingSecretAndKeyButNoValue() {
        kube.resource(new SecretBuilder().withNewMetadata().withName("aws").withNamespace(NS).endMetadata()
                .withStringData(Map.of("AWS_ACCESS_KEY_ID", "AKIDCANARYVALUE")).build()).create();

        sqsTarget("no-key", "{credentials: {accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}},"
                + " secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}}}");

        Map<String, Object> status = awaitCondition(TARGETS, SQS_TARGET, "no-key", "CredentialsReady", "False",
                "SecretKeyNotFound");
        assertThat(condition(status, "CredentialsReady").get("message")).asString()
                .contains("key AWS_SECRET_ACCESS_KEY of Secret aws").doesNotContain("AKIDCANARYVALUE")
                .doesNotContain("AWS_ACCESS_KEY_ID");
        assertThat(condition(status, "Ready")).containsEntry("status", "False")
                .containsEntry("reason", "SecretKeyNotFound");
        Event event = awaitWarning("no-key", "SecretKeyNotFound");
        assertThat(event.getMessage()).contains("AWS_SECRET_ACCESS_KEY", "aws").doesNotContain("AKIDCANARYVALUE");
    }

    @Test
    void aDeploymentTheApiServerRefusesIsReportedOnTheObjectAndRetriedWithBackoff() {
        cluster.refuseCreates("/apis/apps/v1/namespaces/default/deployments", 422, new StatusBuilder()
                .withStatus("Failure").withCode(422).withReason("Invalid")
                .withMessage("Deployment.apps \"awssqstarget-refused\" is invalid: spec.template.spec.containers[0]"
                        + ".resources.requests: Invalid value: \"64Gi\": must be less than or equal to memory limit")
                .build());

        sqsTarget("refused", KEYS);

        Map<String, Object> status = awaitCondition(TARGETS, SQS_TARGET, "refused", "Deployed", "False",
                "ApiRejected");
        assertThat(condition(status, "Deployed").get("message")).asString()
                .contains("Deployment awssqstarget-refused", "HTTP 422 Invalid", "must be less than or equal");
        assertThat(condition(status, "Ready")).containsEntry("reason", "ApiRejected");
        assertThat(awaitWarning("refused", "ApiRejected").getMessage()).contains("awssqstarget-refused");

        // Retried with backoff (200 ms doubling to 2 s in these tests), not in a hot loop; Events only on the change.
        List<String> requests = requestsDuring(Duration.ofSeconds(6), 400);
        assertThat(requests).filteredOn(r -> r.equals("POST /apis/apps/v1/namespaces/default/deployments"))
                .hasSizeBetween(1, 6);
        // Deployed and Ready each announced it once.
        assertThat(events("refused")).filteredOn(e -> "ApiRejected".equals(e.getReason()))
                .hasSizeBetween(1, 2);
    }

    @Test
    void aServiceAccountTheApiServerForbidsIsReportedOnServiceAccountReady() {
        cluster.refuseCreates("/api/v1/namespaces/default/serviceaccounts", 403, new StatusBuilder()
                .withStatus("Failure").withCode(403).withReason("Forbidden")
                .withMessage("serviceaccounts \"awss3target-i-forbidden\" is forbidden: exceeded quota: sa-quota,"
                        + " requested: count/serviceaccounts=1, used: count/serviceaccounts=5, limited:"
                        + " count/serviceaccounts=5")
                .build());

        s3Target("forbidden", "{iam: {roleArn: '" + ROLE + "'}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "forbidden", "ServiceAccountReady", "False",
                "ApiRejected");
        assertThat(condition(status, "ServiceAccountReady").get("message")).asString()
                .contains("HTTP 403 Forbidden", "exceeded quota");
        assertThat(condition(status, "Ready")).containsEntry("status", "False")
                .containsEntry("reason", "ApiRejected");
        assertThat(awaitWarning("forbidden", "ApiRejected").getMessage()).contains("ServiceAccount");
        assertThat(deployment("awss3target-forbidden")).as("no adapter without its ServiceAccount").isNull();
    }

    @Test
    void aServiceAccountWarningIsItsOwnConditionAndEventAndLeavesReadyTrue() {
        kube.resource(new ServiceAccountBuilder().withNewMetadata().withName("byo-sa").withNamespace(NS)
                .endMetadata().build()).create();

        s3Target("warned", "{iam: {roleArn: '" + ROLE + "', serviceAccount: byo-sa}}");

        Map<String, Object> status = awaitReady(TARGETS, S3_TARGET, "warned");
        assertThat(condition(status, "ServiceAccountReady")).containsEntry("status", "False")
                .containsEntry("reason", "UnmanagedServiceAccountRoleMismatch")
                .containsEntry("severity", "Warning");
        assertThat(awaitWarning("warned", "UnmanagedServiceAccountRoleMismatch").getMessage()).contains("byo-sa");
    }
}
