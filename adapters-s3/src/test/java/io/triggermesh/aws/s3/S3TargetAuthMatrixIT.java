package io.triggermesh.aws.s3;

import io.triggermesh.aws.testkit.AuthMatrixContract;
import java.util.Map;

/** The standard auth matrix for the S3 target's adapter environment, through the adapter's client construction. */
class S3TargetAuthMatrixIT extends AuthMatrixContract {

    @Override
    protected String kind() {
        return "AWSS3Target";
    }

    @Override
    protected String apiVersion() {
        return "targets.triggermesh.io/v1alpha1";
    }

    @Override
    protected String callerArnSeenByAdapter(Map<String, String> env) {
        return S3AuthMatrixIT.callerArnThroughAdapterClients(env);
    }
}
