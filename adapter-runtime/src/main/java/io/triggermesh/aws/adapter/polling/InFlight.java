package io.triggermesh.aws.adapter.polling;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A received message being delivered, and when SQS will make it visible again unless extended. */
final class InFlight {

    final Message message;
    private volatile long visibleAtNanos;

    InFlight(Message message, long visibleAtNanos) {
        this.message = message;
        this.visibleAtNanos = visibleAtNanos;
    }

    long visibleAtNanos() {
        return visibleAtNanos;
    }

    void extendedTo(long nanos) {
        visibleAtNanos = nanos;
    }

    /** How many times SQS has handed out this message, this time included; 1 when SQS did not say. */
    int receiveCount() {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    QueueCalls.Delete delete() {
        return new QueueCalls.Delete(message.messageId(), message.receiptHandle(), 1);
    }

    QueueCalls.Visibility visibility(int seconds) {
        return new QueueCalls.Visibility(message.messageId(), message.receiptHandle(), seconds, 1);
    }
}
