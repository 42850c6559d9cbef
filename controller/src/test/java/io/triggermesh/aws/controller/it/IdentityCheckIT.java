package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.triggermesh.aws.testing.EmulatorIam;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller asks AWS (the emulator) which identity each object's credentials resolve to and shows it in
 * {@code status.auth}; the refusals moto can produce become {@code CredentialsReady=False} with a fix-it reason and a
 * Warning Event, naming Secrets and roles but no credential value. Resync is 1 s, so the identity cache's window is
 * too: a fixed Secret is picked up at once (and because its resourceVersion changes, a new credential source).
 */
class IdentityCheckIT extends ControllerScenario {

    @Override
    Map<String, Object> controllerProperties() {
        return Map.of("triggermesh.controller.resync", "1s");
    }

    @AfterEach
    void stopEnforcingIam() {
        aws.disableIamEnforcement();
    }

    @Test
    void assumeRoleWithExternalIdShowsTheAssumedRoleSessionOnTheObject() {
        aws.assumeMoto();  // IAM set-up in another account is a moto feature
        String role;
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            role = iam.createRole(EmulatorIam.OTHER_ACCOUNT, "xacct-role", EmulatorIam.trustWithExternalId(
                    "arn:aws:iam::" + EmulatorIam.ACCOUNT + ":root", "orders-ext-id"), EmulatorIam.allow("s3:*", "*"));
        }

        s3Target("orders", "{credentials: {accessKeyID: {value: AKIDORDERS}, secretAccessKey: {value: orders-secret},"
                + " assumeIamRole: '" + role + "', assumeIamRoleOptions: {externalId: orders-ext-id}}}");

        Map<String, Object> auth = awaitAuth("orders", a -> a.containsKey("identity"));
        assertThat(auth).containsEntry("identity", EmulatorIam.assumedRoleArn(EmulatorIam.OTHER_ACCOUNT,
                        "xacct-role", "triggermesh-default-orders"))
                .containsEntry("account", EmulatorIam.OTHER_ACCOUNT)
                .containsEntry("mode", "assume-role")
                .containsKeys("expiresAt", "checkedAt")
                .doesNotContainKeys("notChecked", "error");
        assertThat(condition(status(TARGETS, S3_TARGET, "orders"), "CredentialsReady")).containsEntry("status", "True");
    }

    @Test
    void keysAwsDoesNotKnowAreInvalidClientTokenIdUntilTheSecretIsFixed() {
        aws.assumeMoto();  // IAM enforcement is a moto feature
        EmulatorIam.User user;
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            user = iam.createUser("orders-user", EmulatorIam.allow("s3:*", "*"));
        }
        aws.enableIamEnforcement();
        kube.resource(new SecretBuilder().withNewMetadata().withName("aws").withNamespace(NS).endMetadata()
                .withStringData(Map.of("id", "deletedkeyid4711", "secret", "deletedsecret4711")).build()).create();

        s3Target("keys", "{credentials: {accessKeyID: {valueFromSecret: {name: aws, key: id}},"
                + " secretAccessKey: {valueFromSecret: {name: aws, key: secret}}}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "keys", "CredentialsReady", "False",
                "InvalidClientTokenId");
        assertThat(condition(status, "CredentialsReady").get("message")).asString()
                .contains("Secret default/aws", "wrong or was deleted");
        assertThat(condition(status, "Ready")).containsEntry("reason", "InvalidClientTokenId");
        assertThat(auth(status)).containsEntry("mode", "keys").containsEntry("error", "InvalidClientTokenId")
                .doesNotContainKey("identity");
        Event warning = awaitWarning("keys", "InvalidClientTokenId");
        assertThat(warning.getMessage() + status).doesNotContain("deletedkeyid4711", "deletedsecret4711");

        kube.secrets().inNamespace(NS).withName("aws").edit(s -> new SecretBuilder(s).withData(null)
                .withStringData(Map.of("id", user.keys().accessKeyId(), "secret", user.keys().secretAccessKey()))
                .build());

        Map<String, Object> auth = awaitAuth("keys", a -> a.containsKey("identity"));
        assertThat(auth).containsEntry("identity", user.arn()).doesNotContainKey("expiresAt");
        assertThat(condition(status(TARGETS, S3_TARGET, "keys"), "CredentialsReady")).containsEntry("status", "True");
    }

    @Test
    void aWrongExternalIdIsAccessDeniedNamingTheRoleAndThatAnExternalIdIsSet() {
        aws.assumeMoto();  // IAM enforcement is a moto feature
        String role = EmulatorIam.roleArn(EmulatorIam.ACCOUNT, "partner");
        EmulatorIam.User user;
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            user = iam.createUser("partner-user", EmulatorIam.allow("sts:AssumeRole", role));
            iam.createRole(EmulatorIam.ACCOUNT, "partner", EmulatorIam.trustWithExternalId(user.arn(), "expected-id"),
                    EmulatorIam.allow("s3:*", "*"));
        }
        aws.enableIamEnforcement();

        s3Target("partner", "{credentials: {accessKeyID: {value: " + user.keys().accessKeyId() + "},"
                + " secretAccessKey: {value: " + user.keys().secretAccessKey() + "},"
                + " assumeIamRole: '" + role + "', assumeIamRoleOptions: {externalId: wrong-id-4711}}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "partner", "CredentialsReady", "False",
                "AccessDenied");
        String message = String.valueOf(condition(status, "CredentialsReady").get("message"));
        assertThat(message).contains("trust policy of role " + role, "an ExternalId is set",
                "spec.auth.credentials.assumeIamRoleOptions.externalId");
        assertThat(auth(status)).containsEntry("mode", "assume-role").doesNotContainKey("identity");
        Event warning = awaitWarning("partner", "AccessDenied");
        assertThat(warning.getMessage() + status).doesNotContain("wrong-id-4711", user.keys().secretAccessKey());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> auth(Map<String, Object> status) {
        return status.get("auth") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    Map<String, Object> awaitAuth(String name, java.util.function.Predicate<Map<String, Object>> until) {
        return awaitAuth(this, name, until);
    }

    static Map<String, Object> awaitAuth(ControllerScenario scenario, String name,
                                         java.util.function.Predicate<Map<String, Object>> until) {
        return await().atMost(CONVERGE).until(() -> auth(scenario.status(TARGETS, S3_TARGET, name)), until);
    }
}
