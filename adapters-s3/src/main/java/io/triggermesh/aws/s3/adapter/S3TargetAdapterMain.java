package io.triggermesh.aws.s3.adapter;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.s3.adapter.target.S3TargetAdapter;

/** Entry point of the AWSS3Target adapter ({@code AwsS3TargetKind.ADAPTER_MAIN_CLASS}). */
public final class S3TargetAdapterMain {

    private S3TargetAdapterMain() {
    }

    public static void main(String[] args) {
        AdapterRuntime.run("s3-target", new S3TargetAdapter());
    }
}
