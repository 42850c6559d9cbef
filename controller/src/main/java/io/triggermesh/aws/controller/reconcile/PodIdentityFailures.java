package io.triggermesh.aws.controller.reconcile;

import io.triggermesh.aws.auth.credentials.PodIdentityAgentException;
import io.triggermesh.aws.auth.model.OwnerObject;

/**
 * The one place where the EKS Pod Identity agent's answers to an identity check become verdicts. An agent that does
 * not answer is no verdict about the object (asked again soon); an agent that refuses the ServiceAccount's token
 * means no association gives it a role, which the user fixes. Messages name the namespace, the ServiceAccount and
 * the agent's URI; the agent's own words come already masked ({@link PodIdentityAgentException#detail()}).
 */
final class PodIdentityFailures {

    static final String NOT_ASSOCIATED = "PodIdentityNotAssociated";

    private PodIdentityFailures() {
    }

    static IdentityVerdict classify(PodIdentityAgentException failure, OwnerObject owner, String serviceAccountName) {
        return switch (failure.kind()) {
            case UNREACHABLE -> new IdentityVerdict.Unanswered("not checked: the EKS Pod Identity agent at "
                    + failure.uri() + " could not be reached from the controller (" + failure.detail() + "), so it"
                    + " cannot say which role the association of ServiceAccount " + owner.namespace() + "/"
                    + serviceAccountName + " gives; will retry. On EKS, install the eks-pod-identity-agent add-on"
                    + " (`aws eks create-addon --cluster-name <cluster> --addon-name eks-pod-identity-agent`) and run"
                    + " the controller on a node that has it (not Fargate), or set"
                    + " triggermesh.controller.pod-identity-agent-uri to where it listens; or turn identity checks"
                    + " off (triggermesh.controller.identity-check=false)");
            case FAILED -> new IdentityVerdict.Unanswered("the EKS Pod Identity agent at " + failure.uri()
                    + " could not hand out the session of ServiceAccount " + owner.namespace() + "/"
                    + serviceAccountName + (failure.status() == 0 ? "" : " (HTTP " + failure.status() + ")") + ": "
                    + failure.detail() + "; will retry");
            case REFUSED -> new IdentityVerdict.Refused(NOT_ASSOCIATED, notAssociated(failure, owner,
                    serviceAccountName));
        };
    }

    private static String notAssociated(PodIdentityAgentException failure, OwnerObject owner, String account) {
        return "the EKS Pod Identity agent refused the token of ServiceAccount " + owner.namespace() + "/" + account
                + " (HTTP " + failure.status() + ": " + failure.detail() + "): no EKS Pod Identity association gives"
                + " it a role, so the adapter has no AWS credentials. Associate it with the role the adapter should"
                + " act as: `aws eks create-pod-identity-association --cluster-name <cluster> --namespace "
                + owner.namespace() + " --service-account " + account + " --role-arn <role ARN>`, whose trust"
                + " policy allows the Service principal pods.eks.amazonaws.com sts:AssumeRole and sts:TagSession;"
                + " or set spec.auth.iam.roleArn to use IRSA instead. Checked again within"
                + " triggermesh.controller.identity-check-interval";
    }
}
