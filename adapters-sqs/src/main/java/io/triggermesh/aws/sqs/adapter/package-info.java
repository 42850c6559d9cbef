/**
 * The SQS adapter processes, on the shared adapter runtime: {@link io.triggermesh.aws.sqs.adapter.SqsSourceAdapter}
 * (queue messages to CloudEvents, with the {@code default}, {@code s3} and {@code eventbridge} message processors)
 * and {@link io.triggermesh.aws.sqs.adapter.SqsTargetAdapter} (CloudEvents to queue messages, batched). Both are
 * registered for adapter-runtime's launcher (META-INF/services/io.triggermesh.aws.adapter.KindAdapter), which starts
 * the one whose kind the controller names.
 */
package io.triggermesh.aws.sqs.adapter;
