/**
 * The SQS toolkit adapters share: the one sorting of SQS failures
 * ({@link io.triggermesh.aws.adapter.queues.SqsErrors}), the one queue URL lookup
 * ({@link io.triggermesh.aws.adapter.queues.QueueUrls}) and the one limit on batch calls in flight
 * ({@link io.triggermesh.aws.adapter.queues.CallLimit}). The polling engine of sources
 * ({@code io.triggermesh.aws.adapter.polling}) and the SQS target use them, so a denied call or a missing queue reads
 * the same in every adapter.
 */
package io.triggermesh.aws.adapter.queues;
