package io.triggermesh.aws.e2e.suite;

import static io.triggermesh.aws.e2e.suite.Objects.awaitReady;
import static io.triggermesh.aws.e2e.suite.Objects.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.triggermesh.aws.testing.EmulatorIam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * EKS Pod Identity, with local mode playing the agent ({@code --pod-identity NS/SA=ROLE}): an object with
 * {@code iam.serviceAccount} and no {@code roleArn} runs its adapter under that ServiceAccount, unannotated, and the
 * association gives the adapter the role through the SDK's container credentials provider. The controller checks
 * the object's identity the same way, through the agent with a TokenRequest token of the ServiceAccount, and shows
 * it in {@code status.auth}; a ServiceAccount no association names is refused with the command that makes one.
 */
class PodIdentityIT extends SuiteBase {

    private static final String NS = "pod-identity";
    private static final String SERVICE_ACCOUNT = "aws-s3-target-sa";
    private static final String ROLE_NAME = "aws-s3-target-pod-identity";

    private final String account = Aws.newAccount();
    private final String role = EmulatorIam.roleArn(account, ROLE_NAME);

    @Override
    protected World startWorld() {
        // The agent assumes the role with local mode's own credentials, as the real agent uses the node's.
        return World.start("pod-identity", false, endpoint -> null,
                emulator -> List.of("--pod-identity", NS + "/" + SERVICE_ACCOUNT + "=" + role),
                emulator -> Map.of("AWS_ACCESS_KEY_ID", emulator.rootCredentials().accessKeyId(),
                        "AWS_SECRET_ACCESS_KEY", emulator.rootCredentials().secretAccessKey()));
    }

    @Test
    @Order(1)
    void anAdapterActsAsTheRoleAssociatedWithItsServiceAccount() {
        assertThat(aws.role(account, ROLE_NAME, "*")).isEqualTo(role);
        String bucket = "e2e-pod-identity-" + account;
        aws.bucket(account, bucket);
        system.apply(NS, example("customizing-the-kubernetes-service-account-used-by-triggermesh-without-role-arn"
                + ".yaml").replace("test-bucket", bucket));

        awaitReady(system, NS, "AWSS3Target", "triggermesh-aws-s3-test");
        ServiceAccount sa = Waits.value(SERVICE_ACCOUNT, LocalSystem.READY, () -> Optional.ofNullable(
                system.client().serviceAccounts().inNamespace(NS).withName(SERVICE_ACCOUNT).get()));
        assertThat(sa.getMetadata().getAnnotations() == null ? Map.of() : sa.getMetadata().getAnnotations())
                .as("no IRSA annotation: the association alone gives the role")
                .doesNotContainKey("eks.amazonaws.com/role-arn");

        String deployment = Kinds.deployment(NS, "AWSS3Target", "triggermesh-aws-s3-test");
        String associated = EmulatorIam.assumedRoleArn(account, ROLE_NAME, "eks-local-" + NS + "-" + SERVICE_ACCOUNT);
        assertThat(system.adapterIdentity(deployment)).isEqualTo(associated);
        Map<String, Object> auth = Waits.value("the object to show its Pod Identity", LocalSystem.READY,
                () -> auth("triggermesh-aws-s3-test").filter(a -> a.get("identity") != null));
        assertThat(auth).as("the controller's check names the identity the adapter acts as")
                .containsEntry("mode", "pod-identity").containsEntry("identity", associated)
                .containsEntry("account", account).containsKeys("expiresAt", "checkedAt")
                .doesNotContainKeys("notChecked", "error");
        assertThat(system.adapterLog(deployment)).contains("EKS Pod Identity (container credentials from "
                + "http://127.0.0.1:");

        String url = system.targetUrl(deployment);
        Objects.postAccepted(url, "pod-identity-event", "e2e/pod-identity.json", "{\"n\": 1}");
        assertThat(aws.object(account, bucket, "e2e/pod-identity.json")).contains("\"n\"");
    }

    @Test
    @Order(2)
    void aServiceAccountWithoutAssociationIsRefusedWithTheCommandThatMakesOne() {
        system.apply(NS, """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSS3Target
                metadata:
                  name: unassociated
                spec:
                  arn: arn:aws:s3:::e2e-pod-identity-unassociated
                  auth:
                    iam:
                      serviceAccount: unassociated-sa
                """);

        String message = Objects.awaitFalse(system, NS, "AWSS3Target", "unassociated", "CredentialsReady",
                "PodIdentityNotAssociated");
        assertThat(message).contains("ServiceAccount " + NS + "/unassociated-sa",
                "aws eks create-pod-identity-association", "--namespace " + NS + " --service-account unassociated-sa");
        assertThat(auth("unassociated").orElseThrow()).containsEntry("mode", "pod-identity")
                .containsEntry("error", "PodIdentityNotAssociated").doesNotContainKey("identity");
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> auth(String name) {
        return Optional.ofNullable((Map<String, Object>) Objects.status(system.get(NS, "AWSS3Target", name))
                .get("auth"));
    }
}
