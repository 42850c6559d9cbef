/**
 * The SQS adapter processes, on the shared adapter runtime: {@link io.triggermesh.aws.sqs.adapter.SqsSourceAdapter}
 * (queue messages to CloudEvents, with the {@code default}, {@code s3} and {@code eventbridge} message processors)
 * and {@link io.triggermesh.aws.sqs.adapter.SqsTargetAdapter} (CloudEvents to queue messages, batched). Their main
 * classes are the ones the plugin's workloads name.
 */
package io.triggermesh.aws.sqs.adapter;
