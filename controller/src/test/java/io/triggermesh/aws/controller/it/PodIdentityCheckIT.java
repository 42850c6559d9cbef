package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.triggermesh.aws.cluster.LocalPodIdentityAgent;
import io.triggermesh.aws.cluster.PodIdentityAssociation;
import io.triggermesh.aws.testing.EmulatorIam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The identity check of Pod Identity objects ({@code iam.serviceAccount}, no {@code roleArn}) against the emulator:
 * the controller mints a TokenRequest token for the object's ServiceAccount and asks the EKS Pod Identity agent
 * (local mode's, with one association) for its session, as the adapter's SDK does, then sts:GetCallerIdentity. A
 * ServiceAccount no association names is refused by the agent, which turns CredentialsReady False.
 */
class PodIdentityCheckIT extends ControllerScenario {

    private static final String ASSOCIATED_SA = "orders-sa";
    private static final String POD_ROLE = "orders-pod-role";

    private LocalPodIdentityAgent agent;

    @Override
    Map<String, Object> controllerProperties() {
        // Started here: the agent must be there before the controller that is told where it listens.
        if (agent == null) {
            EmulatorIam iam = new EmulatorIam(aws);
            agent = LocalPodIdentityAgent.start(List.of(PodIdentityAssociation.parse(NS + "/" + ASSOCIATED_SA + "="
                    + EmulatorIam.roleArn(EmulatorIam.ACCOUNT, POD_ROLE))), aws.endpoint(), aws.region(), workDir,
                    iam.root());
            cluster.serveTokens(NS, ASSOCIATED_SA, agent.tokenRequestToken(NS, ASSOCIATED_SA).orElseThrow());
            cluster.serveTokens(NS, "unassociated-sa", "token-of-unassociated-sa-4711");
        }
        return Map.of("triggermesh.controller.resync", "1s",
                "triggermesh.controller.pod-identity-agent-uri", agent.uri().toString());
    }

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void aPodIdentityObjectShowsTheAssociatedRolesSession() {
        aws.assumeMoto();  // IAM roles are a moto feature
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            iam.createRole(EmulatorIam.ACCOUNT, POD_ROLE, EmulatorIam.trust("*"), EmulatorIam.allow("s3:*", "*"));
        }

        s3Target("orders", "{iam: {serviceAccount: " + ASSOCIATED_SA + "}}");

        Map<String, Object> auth = IdentityCheckIT.awaitAuth(this, "orders", a -> a.containsKey("identity"));
        assertThat(auth).containsEntry("mode", "pod-identity")
                .containsEntry("identity", EmulatorIam.assumedRoleArn(EmulatorIam.ACCOUNT, POD_ROLE,
                        "eks-local-" + NS + "-" + ASSOCIATED_SA))
                .containsEntry("account", EmulatorIam.ACCOUNT)
                .containsKeys("expiresAt", "checkedAt")
                .doesNotContainKeys("notChecked", "error");
        assertThat(condition(status(TARGETS, S3_TARGET, "orders"), "CredentialsReady"))
                .containsEntry("status", "True");
    }

    @Test
    void aRoleHopOnAPodIdentityBaseShowsTheRoleItHopsTo() {
        aws.assumeMoto();
        String target;
        try (EmulatorIam iam = new EmulatorIam(aws)) {
            iam.createRole(EmulatorIam.ACCOUNT, POD_ROLE, EmulatorIam.trust("*"), EmulatorIam.allow("sts:*", "*"));
            target = iam.createRole(EmulatorIam.OTHER_ACCOUNT, "bucket-owner", EmulatorIam.trust("*"),
                    EmulatorIam.allow("s3:*", "*"));
        }

        s3Target("hop", "{iam: {serviceAccount: " + ASSOCIATED_SA + ", assumeIamRole: '" + target + "'}}");

        Map<String, Object> auth = IdentityCheckIT.awaitAuth(this, "hop", a -> a.containsKey("identity"));
        assertThat(auth).containsEntry("mode", "assume-role").containsEntry("identity",
                EmulatorIam.assumedRoleArn(EmulatorIam.OTHER_ACCOUNT, "bucket-owner", "triggermesh-default-hop"));
    }

    @Test
    void aServiceAccountWithoutAssociationIsPodIdentityNotAssociatedWithTheCommandToFixIt() {
        s3Target("lonely", "{iam: {serviceAccount: unassociated-sa}}");

        Map<String, Object> status = awaitCondition(TARGETS, S3_TARGET, "lonely", "CredentialsReady", "False",
                "PodIdentityNotAssociated");
        assertThat(String.valueOf(condition(status, "CredentialsReady").get("message")))
                .contains("ServiceAccount default/unassociated-sa", "aws eks create-pod-identity-association",
                        "--namespace default --service-account unassociated-sa");
        assertThat(condition(status, "Ready")).containsEntry("reason", "PodIdentityNotAssociated");
        assertThat(IdentityCheckIT.auth(status)).containsEntry("mode", "pod-identity")
                .containsEntry("error", "PodIdentityNotAssociated").doesNotContainKey("identity");
        Event warning = awaitWarning("lonely", "PodIdentityNotAssociated");
        assertThat(warning.getMessage() + status).doesNotContain("token-of-unassociated-sa-4711");
    }
}
