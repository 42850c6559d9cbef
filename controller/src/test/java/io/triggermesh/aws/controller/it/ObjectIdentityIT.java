package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.testing.EmulatorIam;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS identity the controller uses for an object's managed resources is the object's own, proven by asking AWS
 * who called (the test plugin records sts:GetCallerIdentity in {@code status.createdBy}); and what happens when that
 * identity may not do the work.
 */
class ObjectIdentityIT extends ControllerScenario {

    @AfterEach
    void stopEnforcingIam() {
        aws.disableIamEnforcement();
    }

    @Test
    void managedResourcesAreCreatedAsTheRoleNamedByAssumeIamRole() {
        String role;
        aws.assumeMoto();  // IAM set-up in another account and IAM enforcement are moto features
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            role = iam.createRole(EmulatorIam.OTHER_ACCOUNT, "queue-maker",
                    EmulatorIam.trust("arn:aws:iam::" + EmulatorIam.ACCOUNT + ":root"),
                    EmulatorIam.allow("sqs:*", "*"));
        }

        queueSource("cross", "{credentials: {accessKeyID: {value: AKIAQUEUETEST},"
                + " secretAccessKey: {value: queue-test-secret}, assumeIamRole: '" + role + "'}}");

        Map<String, Object> status = awaitReady(SOURCES, QUEUE_SOURCE, "cross");
        assertThat(status.get("createdBy")).isEqualTo(EmulatorIam.assumedRoleArn(EmulatorIam.OTHER_ACCOUNT,
                "queue-maker", "triggermesh-default-cross"));
        assertThat(status.get("queueUrl")).asString().contains(EmulatorIam.OTHER_ACCOUNT);
        assertThat(status.get("awsIdentity")).asString().contains(role);
    }

    @Test
    void iamRoleArnIsUsedThroughAMintedServiceAccountToken() {
        String role;
        aws.assumeMoto();  // IAM set-up in another account and IAM enforcement are moto features
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            role = iam.createRole(EmulatorIam.ACCOUNT, "irsa-queue", EmulatorIam.trustWebIdentity(),
                    EmulatorIam.allow("sqs:*", "*"));
        }
        cluster.serveTokens(NS, "awsqueuetestsource-i-web", "minted-token");

        queueSource("web", "{iam: {roleArn: '" + role + "'}}");

        Map<String, Object> status = awaitReady(SOURCES, QUEUE_SOURCE, "web");
        assertThat(status.get("createdBy")).isEqualTo(EmulatorIam.assumedRoleArn(EmulatorIam.ACCOUNT, "irsa-queue",
                "triggermesh-default-web"));
        assertThat(status.get("awsIdentity")).asString().contains(role, "awsqueuetestsource-i-web");
        assertThat(drainRequests())
                .contains("POST /api/v1/namespaces/default/serviceaccounts/awsqueuetestsource-i-web/token");
    }

    @Test
    void accessDeniedNamesTheMissingActionWithoutAHotLoop() {
        EmulatorIam.User user;
        aws.assumeMoto();  // IAM set-up in another account and IAM enforcement are moto features
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            user = iam.createUser("no-sqs", EmulatorIam.allow("sts:GetCallerIdentity", "*"));
        }
        aws.enableIamEnforcement();

        queueSource("denied", "{credentials: {accessKeyID: {value: " + user.keys().accessKeyId() + "},"
                + " secretAccessKey: {value: " + user.keys().secretAccessKey() + "}}}");

        Map<String, Object> status = awaitCondition(SOURCES, QUEUE_SOURCE, "denied", "ResourcesReady", "False",
                "AccessDenied");
        assertThat(condition(status, "ResourcesReady").get("message")).asString().contains("sqs:CreateQueue");
        assertThat(condition(status, "Ready")).containsEntry("reason", "AccessDenied");
        assertThat(awaitWarning("denied", "AccessDenied").getMessage()).contains("sqs:CreateQueue");
        assertThat(deployment("awsqueuetestsource-denied")).isNull();

        awaitNoWritesForASecond();
        int ensureCalls = QueueTestPlugin.ensureCalls(NS, "denied");
        requestsDuring(Duration.ofSeconds(3), 3);
        assertThat(QueueTestPlugin.ensureCalls(NS, "denied")).as("AWS attempts while nothing changed")
                .isEqualTo(ensureCalls);
    }
}
