/**
 * The AWSS3Source adapter: S3 notifications consumed from the source's SQS queue by the shared SQS engine of
 * {@code adapter-runtime} and sent to the sink as CloudEvents. {@link io.triggermesh.aws.s3.adapter.source.S3SourceMessages}
 * is the (pure) step from one message to events.
 */
package io.triggermesh.aws.s3.adapter.source;
