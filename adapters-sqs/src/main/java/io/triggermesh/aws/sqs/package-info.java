/**
 * The SQS connector plugin: {@link io.triggermesh.aws.sqs.SqsConnectorPlugin}, found by the controller through
 * {@link java.util.ServiceLoader}, serves {@code AWSSQSSource} ({@link io.triggermesh.aws.sqs.AwsSqsSourceKind}) and
 * {@code AWSSQSTarget} ({@link io.triggermesh.aws.sqs.AwsSqsTargetKind}): their descriptors, validation, IAM
 * declarations and adapter workloads, all plain functions of the object. The adapter runtimes come in
 * {@code io.triggermesh.aws.sqs.adapter}; {@link io.triggermesh.aws.sqs.SqsAdapterEnv} is the environment contract
 * between the two.
 */
package io.triggermesh.aws.sqs;
