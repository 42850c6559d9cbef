package io.triggermesh.aws.s3.adapter;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.s3.adapter.source.S3SourceAdapter;

/** Entry point of the AWSS3Source adapter ({@code AwsS3SourceKind.ADAPTER_MAIN_CLASS}). */
public final class S3SourceAdapterMain {

    private S3SourceAdapterMain() {
    }

    public static void main(String[] args) {
        AdapterRuntime.run("s3-source", new S3SourceAdapter());
    }
}
