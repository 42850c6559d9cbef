package io.triggermesh.aws.adapter.polling;

import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Turns one SQS message into the CloudEvents it carries. Called concurrently from several threads; must not block on
 * I/O. A malformed message is a {@link MessageEvents#failed failure} (or an exception), never a crash: the consumer
 * logs it and leaves it to the queue's redrive policy.
 */
@FunctionalInterface
public interface MessageHandler {

    MessageEvents handle(Message message);
}
