package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writes outside the desired objects that the API server may refuse for good (422: an admission policy, an
 * invalid object): releasing a ServiceAccount the object no longer uses, adding and removing the finalizer. Each
 * refusal is on the object (a condition or a Warning Event naming what was refused) and retried with the
 * object's backoff (200 ms doubling to 2 s in these tests), as the Deployment, Service, ServiceAccount and Secret
 * writes are (HonestStatusIT). The refusals are mock-server expectations answered before its CRUD behaviour.
 */
class RefusedReleasesIT extends ControllerScenario {

    private static final String ROLE = "arn:aws:iam::123456789012:role/aws-s3-target-role";
    private static final String KEYS = "{credentials: {accessKeyID: {value: AKIDRELEASE},"
            + " secretAccessKey: {value: release-secret}}}";
    private static final String SOURCE_PATH = "/apis/sources.triggermesh.io/v1alpha1/namespaces/default/"
            + "awsqueuetestsources/";

    private static Status invalid(String message) {
        return new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid").withMessage(message)
                .build();
    }

    @Test
    void aServiceAccountReleaseTheApiServerRefusesIsAWarningWithAnEventAndIsRetriedWithBackoff() {
        s3Target("released", "{iam: {roleArn: '" + ROLE + "'}}");
        awaitReady(TARGETS, S3_TARGET, "released");
        String sa = "/api/v1/namespaces/default/serviceaccounts/awss3target-i-released";
        assertThat(serviceAccount("awss3target-i-released")).isNotNull();
        cluster.expect().delete().withPath(sa).andReturn(422, invalid("admission webhook \"keep-sas.example.com\""
                + " denied the request: ServiceAccounts are deleted by the platform team")).always();

        setAuth(TARGETS, S3_TARGET, "released", KEYS);

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "released", "ServiceAccountsReleased",
                "False", "ApiRejected");
        assertThat(condition(status, "ServiceAccountsReleased")).containsEntry("severity", "Warning");
        assertThat(condition(status, "ServiceAccountsReleased").get("message")).asString()
                .contains("delete ServiceAccount awss3target-i-released", "no longer uses", "HTTP 422 Invalid",
                        "denied the request");
        assertThat(awaitWarning("released", "ApiRejected").getMessage()).contains("awss3target-i-released");
        // A leftover is no failure: the adapter moved to its keys and Ready does not turn False for it.
        await().atMost(CONVERGE).until(() -> deployment("awss3target-released"),
                d -> serviceAccountNameOf(d) == null);
        assertThat(condition(awaitReady(TARGETS, S3_TARGET, "released"), "ServiceAccountsReleased"))
                .containsEntry("reason", "ApiRejected");

        List<String> requests = requestsDuring(Duration.ofSeconds(6), 400);
        assertThat(requests).filteredOn(r -> r.equals("DELETE " + sa)).as("retried with backoff, not in a loop")
                .hasSizeBetween(1, 6);
        assertThat(events("released")).filteredOn(e -> "ApiRejected".equals(e.getReason()))
                .as("one Event, on the change").hasSize(1);
    }

    @Test
    void aFinalizerTheApiServerRefusesIsResourcesReadyFalseAndNoAwsResourceIsCreated() {
        cluster.expect().put().withPath(SOURCE_PATH + "unfinalized").andReturn(422,
                invalid("metadata.finalizers: Forbidden: no new finalizers can be added")).always();

        queueSource("unfinalized", KEYS);

        Map<String, Object> status = awaitCondition(SOURCES, QUEUE_SOURCE, "unfinalized", "ResourcesReady", "False",
                "ApiRejected");
        assertThat(condition(status, "ResourcesReady").get("message")).asString()
                .contains("add finalizer triggermesh.io/aws-resources to AWSQueueTestSource/default/unfinalized",
                        "HTTP 422 Invalid", "no new finalizers");
        assertThat(condition(status, "Ready")).containsEntry("status", "False")
                .containsEntry("reason", "ApiRejected");
        assertThat(awaitWarning("unfinalized", "ApiRejected").getMessage()).contains("finalizer");

        List<String> requests = requestsDuring(Duration.ofSeconds(6), 400);
        assertThat(requests).filteredOn(r -> r.equals("PUT " + SOURCE_PATH + "unfinalized"))
                .as("retried with backoff, not in a loop").hasSizeBetween(1, 6);
        assertThat(QueueTestPlugin.ensureCalls(NS, "unfinalized")).as("no AWS resource without the finalizer")
                .isZero();
    }

    @Test
    void aFinalizerRemovalTheApiServerRefusesIsAnEventAndRetriedWithoutCleaningUpAgain() {
        queueSource("lingering", KEYS);
        awaitReady(SOURCES, QUEUE_SOURCE, "lingering");
        cluster.expect().put().withPath(SOURCE_PATH + "lingering").andReturn(422,
                invalid("admission webhook \"audit.example.com\" denied the request: try later")).times(2);

        delete(SOURCES, QUEUE_SOURCE, "lingering");

        assertThat(awaitWarning("lingering", "ApiRejected").getMessage())
                .contains("remove finalizer triggermesh.io/aws-resources from AWSQueueTestSource/default/lingering",
                        "HTTP 422 Invalid", "denied the request");
        await().atMost(CONVERGE).until(() -> get(SOURCES, QUEUE_SOURCE, "lingering") == null);
        assertThat(QueueTestPlugin.cleanupCalls(NS, "lingering")).as("the AWS cleanup ran once").isEqualTo(1);
    }
}
