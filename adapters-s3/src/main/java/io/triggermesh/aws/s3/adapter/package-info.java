/**
 * The programs inside the S3 adapter image: {@link io.triggermesh.aws.s3.adapter.S3SourceAdapterMain} (AWSS3Source)
 * and {@link io.triggermesh.aws.s3.adapter.S3TargetAdapterMain} (AWSS3Target), each one line on the shared
 * {@code adapter-runtime}; the adapters themselves are in the {@code source} and {@code target} subpackages.
 */
package io.triggermesh.aws.s3.adapter;
