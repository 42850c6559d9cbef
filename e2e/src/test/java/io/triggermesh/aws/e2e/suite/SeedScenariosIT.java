package io.triggermesh.aws.e2e.suite;

import static io.triggermesh.aws.e2e.suite.Objects.awaitFalse;
import static io.triggermesh.aws.e2e.suite.Objects.awaitReady;
import static io.triggermesh.aws.e2e.suite.Objects.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.triggermesh.aws.testing.EmulatorIam;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One scenario per section of the AWS credentials guide, each in its own namespace and AWS account, run by the real
 * controller jar in local mode with every adapter as its own process. Each checks what a user cares about (the
 * event arrived, the message or object was written) and which AWS identity did it: the adapter's own
 * sts:GetCallerIdentity line, and the account the work landed in.
 */
class SeedScenariosIT extends SuiteBase {

    private static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

    @Override
    protected World startWorld() {
        return World.start("seed-scenarios");
    }

    private static String assumedRole(String roleArn) {
        String account = roleArn.split(":")[4];
        return "arn:aws:sts::" + account + ":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1) + "/";
    }

    /** The adapter of the object says (sts:GetCallerIdentity) it acts as a session of {@code role}. */
    private void assertActsAsRole(String ns, String kind, String name, String role) {
        assertThat(system.adapterIdentity(Kinds.deployment(ns, kind, name))).startsWith(assumedRole(role));
    }

    /** A new account with a role IRSA may assume, and a bucket in it. */
    private record RoleAndBucket(String account, String role, String bucket) {
    }

    private RoleAndBucket accountWithRoleAndBucket(String roleName, String bucketPrefix) {
        String account = Aws.newAccount();
        String role = aws.webIdentityRole(account, roleName);
        String bucket = bucketPrefix + account;
        aws.bucket(account, bucket);
        return new RoleAndBucket(account, role, bucket);
    }

    private String sqsTargetDelivers(String namespace, String name, String account, String queue) {
        String url = system.targetUrl(Kinds.deployment(namespace, "AWSSQSTarget", name));
        String id = namespace + "-event";
        Objects.postAccepted(url, id, null, "{\"scenario\": \"" + namespace + "\"}");
        String body = Waits.value("the event in queue " + queue + " of account " + account, LocalSystem.READY,
                () -> aws.drain(account, queue).stream().map(m -> m.body()).filter(b -> b.contains(id)).findFirst());
        assertThat(body).contains(namespace);
        return body;
    }

    private void s3SourceDelivers(String account, String bucket, String key) {
        aws.put(account, bucket, key);
        Waits.until("the event for " + key + " at the sink", LocalSystem.READY, () -> sink.subjects().contains(key),
                () -> sink.subjects().toString());
    }

    private void s3TargetWrites(String namespace, String name, String account, String bucket) {
        String url = system.targetUrl(Kinds.deployment(namespace, "AWSS3Target", name));
        Objects.postAccepted(url, namespace + "-event", "e2e/" + namespace + ".json", "{\"n\": 1}");
        assertThat(aws.object(account, bucket, "e2e/" + namespace + ".json")).contains("\"n\"");
    }

    /**
     * The object shows in {@code status.auth} the identity its adapter acts as: the same ARN (for a role session,
     * the same role; session names may differ between the controller's check and the adapter), its account and the
     * mode.
     */
    /** {@code status.auth} of an object, once it has one. */
    @SuppressWarnings("unchecked")
    private java.util.Optional<Map<String, Object>> authStatus(String ns, String kind, String name) {
        return java.util.Optional.ofNullable((Map<String, Object>) Objects.status(system.get(ns, kind, name))
                .get("auth"));
    }

    private void assertObjectShowsAdapterIdentity(String ns, String kind, String name, String mode) {
        String adapter = system.adapterIdentity(Kinds.deployment(ns, kind, name));
        Map<String, Object> auth = Waits.value(kind + " " + name + " to show its AWS identity", LocalSystem.READY,
                () -> authStatus(ns, kind, name).filter(a -> a.get("identity") != null));
        assertThat(auth).containsEntry("mode", mode).containsEntry("account", adapter.split(":")[4]);
        String identity = String.valueOf(auth.get("identity"));
        if (adapter.contains(":assumed-role/")) {
            assertThat(identity).startsWith(adapter.substring(0, adapter.lastIndexOf('/') + 1));
        } else {
            assertThat(identity).isEqualTo(adapter);
        }
    }

    private ServiceAccount serviceAccount(String namespace, String name) {
        return system.client().serviceAccounts().inNamespace(namespace).withName(name).get();
    }

    @Test
    @Order(1)
    void staticKeysAsLiteralValues() {
        String ns = "static-value";
        String account = Aws.newAccount();
        EmulatorIam.User user = aws.user(account, "static-value");
        String queue = aws.queue(account, "orders");
        Canaries.add(user.keys().secretAccessKey());
        system.apply(ns, """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: orders}
                spec:
                  arn: %s
                  auth:
                    credentials:
                      accessKeyID: {value: %s}
                      secretAccessKey: {value: %s}
                """.formatted(queue, user.keys().accessKeyId(), user.keys().secretAccessKey()));

        awaitReady(system, ns, "AWSSQSTarget", "orders");
        sqsTargetDelivers(ns, "orders", account, "orders");

        assertThat(system.adapterIdentity(Kinds.deployment(ns, "AWSSQSTarget", "orders"))).isEqualTo(user.arn());
        assertObjectShowsAdapterIdentity(ns, "AWSSQSTarget", "orders", "keys");
        Deployment deployment = system.client().apps().deployments().inNamespace(ns).withName("awssqstarget-orders")
                .get();
        EnvVar secretKey = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("AWS_SECRET_ACCESS_KEY")).findFirst().orElseThrow();
        assertThat(secretKey.getValue()).as("literal keys move to an owned Secret").isNull();
        assertThat(secretKey.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
    }

    @Test
    @Order(2)
    void staticKeysFromASecretAndTheControllerCreatesTheS3SourcesQueue() {
        String ns = "static-secret";
        String account = Aws.newAccount();
        EmulatorIam.User user = aws.user(account, "static-secret");
        String bucket = "e2e-static-" + account;
        aws.bucket(account, bucket);
        Canaries.add(user.keys().secretAccessKey());
        system.apply(ns, """
                apiVersion: v1
                kind: Secret
                metadata: {name: aws}
                stringData: {AWS_ACCESS_KEY_ID: "%s", AWS_SECRET_ACCESS_KEY: "%s", CANARY: "%s"}
                ---
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: uploads}
                spec:
                  arn: arn:aws:s3:::%s
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "%s"}
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                """.formatted(user.keys().accessKeyId(), user.keys().secretAccessKey(), Canaries.next(), bucket,
                sink.url()));

        Map<String, Object> status = awaitReady(system, ns, "AWSS3Source", "uploads");
        assertThat(String.valueOf(status.get("queueARN"))).as("the controller acted as the object's keys")
                .startsWith("arn:aws:sqs:us-east-1:" + account + ":");
        assertThat(String.valueOf(status.get("awsIdentity"))).contains("Secret aws");
        s3SourceDelivers(account, bucket, "static/secret.txt");
        assertThat(system.adapterIdentity(Kinds.deployment(ns, "AWSS3Source", "uploads"))).isEqualTo(user.arn());
        assertObjectShowsAdapterIdentity(ns, "AWSS3Source", "uploads", "keys");
    }

    @Test
    @Order(3)
    void temporaryCredentialsWithASessionToken() {
        String ns = "session-token";
        String account = Aws.newAccount();
        String role = aws.role(account, "roles-anywhere", "arn:aws:iam::" + EmulatorIam.ACCOUNT + ":root");
        Credentials temporary = aws.temporary(role, "e2e-laptop");
        aws.queue(account, "queue_name");
        Canaries.add(temporary.secretAccessKey(), temporary.sessionToken());
        system.apply(ns, """
                apiVersion: v1
                kind: Secret
                metadata: {name: aws}
                stringData: {AWS_ACCESS_KEY_ID: "%s", AWS_SECRET_ACCESS_KEY: "%s", AWS_SESSION_TOKEN: "%s"}
                ---
                """.formatted(temporary.accessKeyId(), temporary.secretAccessKey(), temporary.sessionToken())
                + example("using-temporary-credentials-with-aws-iam-roles-anywhere.yaml")
                .replace("123456789012", account));

        awaitReady(system, ns, "AWSSQSTarget", "triggermesh-aws-sqs");
        sqsTargetDelivers(ns, "triggermesh-aws-sqs", account, "queue_name");
        assertThat(system.adapterIdentity(Kinds.deployment(ns, "AWSSQSTarget", "triggermesh-aws-sqs")))
                .isEqualTo(assumedRole(role) + "e2e-laptop");
        assertObjectShowsAdapterIdentity(ns, "AWSSQSTarget", "triggermesh-aws-sqs", "session");
    }

    @Test
    @Order(4)
    void iamRoleFromAnEksClusterWithTheServiceAccountTheControllerCreates() {
        String ns = "irsa-role";
        RoleAndBucket setup = accountWithRoleAndBucket("aws-s3-target-role", "e2e-irsa-");
        String account = setup.account();
        String role = setup.role();
        String bucket = setup.bucket();
        system.apply(ns, example("using-an-iam-role-from-an-eks-cluster.yaml").replace("123456789012", account)
                .replace("test-bucket", bucket));

        awaitReady(system, ns, "AWSS3Target", "triggermesh-aws-s3-test");
        ServiceAccount sa = serviceAccount(ns, "awss3target-i-triggermesh-aws-s3-test");
        assertThat(sa.getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, role);
        s3TargetWrites(ns, "triggermesh-aws-s3-test", account, bucket);
        assertActsAsRole(ns, "AWSS3Target", "triggermesh-aws-s3-test", role);
        assertObjectShowsAdapterIdentity(ns, "AWSS3Target", "triggermesh-aws-s3-test", "irsa");
    }

    @Test
    @Order(5)
    void theControllerCreatesTheS3SourcesQueueAsTheObjectsRole() {
        String ns = "irsa-delegated";
        RoleAndBucket setup = accountWithRoleAndBucket("aws-s3-source-role", "e2e-delegated-");
        String account = setup.account();
        String role = setup.role();
        String bucket = setup.bucket();
        system.apply(ns, """
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: delegated}
                spec:
                  arn: arn:aws:s3:::%s
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "%s"}
                  auth:
                    iam: {roleArn: "%s"}
                """.formatted(bucket, sink.url(), role));

        Map<String, Object> status = awaitReady(system, ns, "AWSS3Source", "delegated");
        assertThat(String.valueOf(status.get("queueARN"))).startsWith("arn:aws:sqs:us-east-1:" + account + ":");
        assertThat(String.valueOf(status.get("awsIdentity"))).contains(role);
        assertThat(aws.queues(account, "")).hasSize(1);
        s3SourceDelivers(account, bucket, "delegated/one.txt");
        assertActsAsRole(ns, "AWSS3Source", "delegated", role);
        assertObjectShowsAdapterIdentity(ns, "AWSS3Source", "delegated", "irsa");
    }

    @Test
    @Order(6)
    void customServiceAccountThatDoesNotExistYet() {
        String ns = "custom-sa-new";
        RoleAndBucket setup = accountWithRoleAndBucket("aws-s3-target-role", "e2e-sa-new-");
        String account = setup.account();
        String role = setup.role();
        String bucket = setup.bucket();
        system.apply(ns, example("customizing-the-kubernetes-service-account-used-by-triggermesh.yaml")
                .replace("123456789012", account).replace("test-bucket", bucket));

        Map<String, Object> status = awaitReady(system, ns, "AWSS3Target", "triggermesh-aws-s3-test");
        assertThat(status.get("serviceAccountName")).isEqualTo("aws-s3-target-sa");
        ServiceAccount sa = serviceAccount(ns, "aws-s3-target-sa");
        assertThat(sa.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by",
                "triggermesh-controller");
        assertThat(sa.getMetadata().getAnnotations()).containsEntry(ROLE_ANNOTATION, role);
        assertThat(sa.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("triggermesh-aws-s3-test"));
        s3TargetWrites(ns, "triggermesh-aws-s3-test", account, bucket);
        assertActsAsRole(ns, "AWSS3Target", "triggermesh-aws-s3-test", role);
    }

    @Test
    @Order(7)
    void customServiceAccountThatExistsAndIsManaged() {
        String ns = "custom-sa-managed";
        RoleAndBucket setup = accountWithRoleAndBucket("managed-role", "e2e-sa-managed-");
        String account = setup.account();
        String role = setup.role();
        String bucket = setup.bucket();
        system.client().serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("team-sa").withNamespace(ns)
                .addToLabels("managed-by", "triggermesh-controller").addToAnnotations("team", "payments")
                .endMetadata().build()).create();
        system.apply(ns, targetWithServiceAccount("archive", bucket, role, "team-sa"));

        awaitReady(system, ns, "AWSS3Target", "archive");
        ServiceAccount sa = serviceAccount(ns, "team-sa");
        assertThat(sa.getMetadata().getOwnerReferences()).extracting(o -> o.getName()).containsExactly("archive");
        assertThat(sa.getMetadata().getAnnotations()).containsEntry("team", "payments")
                .containsEntry(ROLE_ANNOTATION, role);
        s3TargetWrites(ns, "archive", account, bucket);
        assertActsAsRole(ns, "AWSS3Target", "archive", role);
    }

    @Test
    @Order(8)
    void customServiceAccountThatExistsAndIsNotManagedIsNeverModified() {
        String ns = "custom-sa-unmanaged";
        String account = Aws.newAccount();
        String specRole = aws.webIdentityRole(account, "spec-role");
        String ownRole = aws.webIdentityRole(account, "own-role");
        String bucket = "e2e-sa-unmanaged-" + account;
        aws.bucket(account, bucket);
        ServiceAccount created = system.client().serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("byo-sa").withNamespace(ns).addToAnnotations(ROLE_ANNOTATION, ownRole)
                .endMetadata().build()).create();
        system.apply(ns, targetWithServiceAccount("archive", bucket, specRole, "byo-sa"));

        String message = awaitFalse(system, ns, "AWSS3Target", "archive", "ServiceAccountReady",
                "UnmanagedServiceAccountRoleMismatch");
        assertThat(message).contains("byo-sa").contains(ownRole);
        ServiceAccount after = serviceAccount(ns, "byo-sa");
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
        s3TargetWrites(ns, "archive", account, bucket);
        assertActsAsRole(ns, "AWSS3Target", "archive", ownRole);
    }

    @Test
    @Order(9)
    void customServiceAccountSharedByTwoObjects() {
        String ns = "custom-sa-shared";
        RoleAndBucket setup = accountWithRoleAndBucket("shared-role", "e2e-sa-shared-");
        String account = setup.account();
        String role = setup.role();
        String bucket = setup.bucket();
        system.apply(ns, targetWithServiceAccount("first", bucket, role, "shared-sa") + "---\n"
                + targetWithServiceAccount("second", bucket, role, "shared-sa"));

        awaitReady(system, ns, "AWSS3Target", "first");
        awaitReady(system, ns, "AWSS3Target", "second");
        Waits.until("shared-sa to have both owners", LocalSystem.READY,
                () -> serviceAccount(ns, "shared-sa").getMetadata().getOwnerReferences().size() == 2);
        s3TargetWrites(ns, "first", account, bucket);
        assertActsAsRole(ns, "AWSS3Target", "first", role);
        assertActsAsRole(ns, "AWSS3Target", "second", role);

        // Deleting one owner leaves the ServiceAccount to the other, and stops only the deleted one's adapter.
        system.delete(ns, "AWSS3Target", "first");
        Waits.until("shared-sa to keep only the second owner", LocalSystem.READY, () -> {
            ServiceAccount sa = serviceAccount(ns, "shared-sa");
            return sa != null && sa.getMetadata().getOwnerReferences().size() == 1
                    && sa.getMetadata().getOwnerReferences().get(0).getName().equals("second");
        });
        Waits.until("the first target's adapter to stop", LocalSystem.READY,
                () -> Objects.post(system.targetUrl(Kinds.deployment(ns, "AWSS3Target", "first")), "gone", null,
                        "{}") < 0);
        s3TargetWrites(ns, "second", account, bucket);
    }

    @Test
    @Order(10)
    void customServiceAccountWithoutRoleArn() {
        String ns = "custom-sa-no-role";
        String bucket = "e2e-sa-no-role-" + Aws.newAccount();
        system.apply(ns, example("customizing-the-kubernetes-service-account-used-by-triggermesh-without-role-arn"
                + ".yaml").replace("test-bucket", bucket));

        String message = awaitFalse(system, ns, "AWSS3Target", "triggermesh-aws-s3-test", "ServiceAccountReady",
                "NoRoleArn");
        assertThat(message).contains("aws-s3-target-sa");
        ServiceAccount sa = Waits.value("aws-s3-target-sa", LocalSystem.READY,
                () -> java.util.Optional.ofNullable(serviceAccount(ns, "aws-s3-target-sa")));
        assertThat(sa.getMetadata().getAnnotations() == null ? Map.of() : sa.getMetadata().getAnnotations())
                .doesNotContainKey(ROLE_ANNOTATION);
        String deployment = Kinds.deployment(ns, "AWSS3Target", "triggermesh-aws-s3-test");
        Waits.until("the adapter to say it has no AWS identity", LocalSystem.READY,
                () -> system.adapterLog(deployment).contains("could not tell which AWS identity"));
        // No association names the ServiceAccount here: local mode's agent refuses its token, as EKS's would.
        assertThat(awaitFalse(system, ns, "AWSS3Target", "triggermesh-aws-s3-test", "CredentialsReady",
                "PodIdentityNotAssociated")).contains("aws eks create-pod-identity-association");
        Map<String, Object> auth = Waits.value("status.auth of the object", LocalSystem.READY,
                () -> authStatus(ns, "AWSS3Target", "triggermesh-aws-s3-test"));
        assertThat(auth).as("no roleArn: an EKS Pod Identity association or nothing; the controller says which")
                .containsEntry("mode", "pod-identity").containsEntry("error", "PodIdentityNotAssociated")
                .doesNotContainKey("identity");
    }

    @Test
    @Order(11)
    void assumeAnIamRoleInAnotherAccount() {
        String ns = "cross-account";
        String home = Aws.newAccount();
        String other = "210987654321";
        EmulatorIam.User user = aws.user(home, "cross-account-user");
        String role = aws.role(other, "triggermesh-cross-account", user.arn());
        String bucket = "e2e-cross-" + home;
        aws.bucket(other, bucket);
        Canaries.add(user.keys().secretAccessKey());
        system.apply(ns, example("assume-an-iam-role-for-cross-account-iam-impersonation.yaml")
                .replace("AKIAIOSFODNN7EXAMPLE", user.keys().accessKeyId())
                .replace("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", user.keys().secretAccessKey())
                .replace("test-bucket", bucket)
                .replaceAll("(?s)  sink:\\n    ref:\\n.*?name: default\\n", "  sink: {uri: \"" + sink.url() + "\"}\n"));

        Map<String, Object> status = awaitReady(system, ns, "AWSS3Source", "cross-account-s3-source");
        assertThat(String.valueOf(status.get("queueARN"))).as("the controller acted as the assumed role")
                .startsWith("arn:aws:sqs:us-east-1:" + other + ":");
        s3SourceDelivers(other, bucket, "cross/account.txt");
        assertActsAsRole(ns, "AWSS3Source", "cross-account-s3-source", role);
        assertObjectShowsAdapterIdentity(ns, "AWSS3Source", "cross-account-s3-source", "assume-role");
    }


    private static String targetWithServiceAccount(String name, String bucket, String role, String sa) {
        return """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata: {name: %s}
                spec:
                  arn: arn:aws:s3:::%s
                  auth:
                    iam: {roleArn: "%s", serviceAccount: %s}
                """.formatted(name, bucket, role, sa);
    }
}
