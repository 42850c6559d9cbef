package io.triggermesh.aws.s3;

import io.triggermesh.aws.testkit.AuthMatrixContract;

/** The standard auth matrix for the S3 source's adapter environment. */
class S3AuthMatrixIT extends AuthMatrixContract {

    @Override
    protected String kind() {
        return "AWSS3Source";
    }

    @Override
    protected String apiVersion() {
        return "sources.triggermesh.io/v1alpha1";
    }
}
