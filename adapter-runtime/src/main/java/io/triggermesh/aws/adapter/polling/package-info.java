/**
 * The SQS polling engine shared by source adapters: {@link io.triggermesh.aws.adapter.polling.QueueConsumer} receives
 * messages, turns each into CloudEvents with a {@link io.triggermesh.aws.adapter.polling.MessageHandler}, delivers them
 * to an {@link io.triggermesh.aws.adapter.sink.EventSink} and deletes a message only once the sink accepted all of
 * its events. Tuning is in {@link io.triggermesh.aws.adapter.polling.QueueConsumerSettings}.
 */
package io.triggermesh.aws.adapter.polling;
