package io.triggermesh.aws.adapter.polling;

/**
 * Counters of a {@link QueueConsumer} since it started; a snapshot, for logs, tests and benchmarks.
 *
 * @param receiveCalls ReceiveMessage calls, empty ones included
 * @param deleteCalls DeleteMessageBatch calls
 * @param visibilityCalls ChangeMessageVisibilityBatch calls (extensions of slow deliveries and retry delays)
 * @param messagesReceived messages received (redeliveries count again)
 * @param messagesDeleted messages deleted after every event was accepted (or after too many rejections)
 * @param eventsAccepted events the sink accepted
 * @param eventsRejected events the sink rejected (4xx other than 404/408/409/429)
 * @param eventsRetryable events the sink could not take now (redelivered later)
 * @param messagesFailed messages the handler could not turn into events
 * @param messagesDropped messages deleted undelivered after reaching the receive limit
 * @param receiveErrors failed ReceiveMessage calls
 */
public record ConsumerStats(long receiveCalls, long deleteCalls, long visibilityCalls, long messagesReceived,
                            long messagesDeleted, long eventsAccepted, long eventsRejected, long eventsRetryable,
                            long messagesFailed, long messagesDropped, long receiveErrors) {

    /** Every SQS call the consumer made. */
    public long sqsCalls() {
        return receiveCalls + deleteCalls + visibilityCalls;
    }
}
