/**
 * The S3 connector plugin: {@link io.triggermesh.aws.s3.S3ConnectorPlugin}, found by the controller through
 * {@link java.util.ServiceLoader}, serves {@code AWSS3Source} ({@link io.triggermesh.aws.s3.AwsS3SourceKind}) and
 * {@code AWSS3Target} ({@link io.triggermesh.aws.s3.AwsS3TargetKind}): their descriptors, validation, IAM
 * declarations and adapter workloads, all plain functions of the object. The adapter runtimes come in
 * {@code io.triggermesh.aws.s3.adapter}; {@link io.triggermesh.aws.s3.S3AdapterEnv} is the environment contract
 * between the two.
 */
package io.triggermesh.aws.s3;
