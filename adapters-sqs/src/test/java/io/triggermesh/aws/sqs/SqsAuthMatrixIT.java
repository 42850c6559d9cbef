package io.triggermesh.aws.sqs;

import io.triggermesh.aws.testkit.AuthMatrixContract;

/** The standard auth matrix for the SQS target's adapter environment (the guide's first example). */
class SqsAuthMatrixIT extends AuthMatrixContract {

    @Override
    protected String kind() {
        return "AWSSQSTarget";
    }

    @Override
    protected String apiVersion() {
        return "targets.triggermesh.io/v1alpha1";
    }
}
