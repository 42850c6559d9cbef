package io.triggermesh.aws.controller.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.credentials.PodIdentityAgentException;
import io.triggermesh.aws.auth.credentials.PodIdentityAgentException.Kind;
import io.triggermesh.aws.auth.model.OwnerObject;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The EKS Pod Identity agent's answers to verdicts: who fixes what, and what is only asked again. */
class PodIdentityFailuresTest {

    private static final OwnerObject OWNER = new OwnerObject("targets.triggermesh.io/v1alpha1", "AWSS3Target",
            "events", "archive", "uid-1");
    private static final URI AGENT = URI.create("http://169.254.170.23/v1/credentials");

    private static IdentityVerdict classify(Kind kind, int status, String detail) {
        return PodIdentityFailures.classify(new PodIdentityAgentException(kind, AGENT, status, detail), OWNER,
                "events-archive");
    }

    @Test
    void anUnreachableAgentIsAskedAgainAndSaysHowToInstallItOrTurnChecksOff() {
        IdentityVerdict verdict = classify(Kind.UNREACHABLE, 0, "HttpConnectTimeoutException: timed out");

        assertThat(verdict).isInstanceOfSatisfying(IdentityVerdict.Unanswered.class, u -> assertThat(u.message())
                .startsWith("not checked")
                .contains("EKS Pod Identity agent at http://169.254.170.23/v1/credentials could not be reached")
                .contains("events/events-archive", "eks-pod-identity-agent add-on",
                        "triggermesh.controller.pod-identity-agent-uri", "triggermesh.controller.identity-check=false"));
        assertThat(verdict.lasting()).isFalse();
    }

    @Test
    void aRefusedTokenMeansNoAssociationAndShowsTheCommandForThisServiceAccount() {
        IdentityVerdict verdict = classify(Kind.REFUSED, 404, "(ResourceNotFoundException): association not found");

        assertThat(verdict).isInstanceOfSatisfying(IdentityVerdict.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo("PodIdentityNotAssociated");
            assertThat(r.message()).contains("ServiceAccount events/events-archive", "HTTP 404",
                    "ResourceNotFoundException", "aws eks create-pod-identity-association --cluster-name <cluster>"
                            + " --namespace events --service-account events-archive --role-arn <role ARN>",
                    "pods.eks.amazonaws.com");
        });
        assertThat(verdict.lasting()).as("kept for the interval, not retried in a loop").isTrue();
    }

    @Test
    void anAgentOrEksAuthFailureIsAskedAgainSoon() {
        IdentityVerdict verdict = classify(Kind.FAILED, 500, "EKS Auth unavailable");

        assertThat(verdict).isInstanceOfSatisfying(IdentityVerdict.Unanswered.class,
                u -> assertThat(u.message()).contains("HTTP 500", "EKS Auth unavailable", "will retry"));
    }
}
