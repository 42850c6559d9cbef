package io.triggermesh.aws.adapter.polling;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.sink.EventSink;
import io.triggermesh.aws.adapter.sink.SinkResult;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivers one message: handler, then every event to the sink in order, then the outcome. All accepted: delete.
 * A retryable answer: the message becomes visible again after the sink's Retry-After or a backoff, and polling
 * pauses. A rejection or a malformed message: returned to the queue after the same backoff (for its redrive
 * policy), and deleted undelivered once it has been received {@code maxReceives} times, so it is never retried
 * forever.
 */
final class Delivery {

    private static final System.Logger LOG = System.getLogger(Delivery.class.getName());

    /** SQS's maximum visibility timeout. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private final MessageHandler handler;
    private final EventSink sink;
    private final SqsBatcher<QueueCalls.Delete> deletes;
    private final SqsBatcher<QueueCalls.Visibility> visibility;
    private final SinkGate gate;
    private final String queue;
    private final int maxReceives;
    private final Duration maxRetryDelay;
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder retryable = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();

    Delivery(MessageHandler handler, EventSink sink, SqsBatcher<QueueCalls.Delete> deletes,
             SqsBatcher<QueueCalls.Visibility> visibility, SinkGate gate, String queue, int maxReceives,
             Duration maxRetryDelay) {
        this.handler = handler;
        this.sink = sink;
        this.deletes = deletes;
        this.visibility = visibility;
        this.gate = gate;
        this.queue = queue;
        this.maxReceives = maxReceives;
        this.maxRetryDelay = maxRetryDelay;
    }

    void deliver(InFlight message) {
        MessageEvents events;
        try {
            events = handler.handle(message.message);
        } catch (RuntimeException e) {
            events = MessageEvents.failed("the handler failed: " + e);
        }
        if (events.isFailure()) {
            failed.increment();
            unusable(message, "it cannot be turned into events: " + events.failure().orElseThrow());
            return;
        }
        SinkResult.Rejected rejection = null;
        for (CloudEvent event : events.events()) {
            SinkResult result = sink.send(event);
            if (result instanceof SinkResult.Accepted) {
                accepted.increment();
                if (gate.succeeded()) {
                    LOG.log(System.Logger.Level.INFO, "the sink accepts events again");
                }
            } else if (result instanceof SinkResult.Retryable retry) {
                retryable.increment();
                retryLater(message, event, retry);
                return;
            } else {
                rejected.increment();
                rejection = (SinkResult.Rejected) result;
                String detail = rejection.detail();
                int status = rejection.status();
                LOG.log(System.Logger.Level.WARNING, () -> "the sink rejected event " + event.getId() + " (type "
                        + event.getType() + ") with " + status + (detail.isEmpty() ? "" : ": " + detail));
            }
        }
        if (rejection == null) {
            deletes.add(message.delete());
        } else {
            unusable(message, "the sink rejected one of its events with " + rejection.status());
        }
    }

    private void retryLater(InFlight message, CloudEvent event, SinkResult.Retryable retry) {
        boolean first = gate.failed(retry.retryAfter().orElse(null));
        if (first) {
            LOG.log(System.Logger.Level.WARNING, () -> "the sink cannot take events now (" + describe(retry)
                    + "); messages return to the queue and polling slows down until it can");
        } else {
            LOG.log(System.Logger.Level.DEBUG, () -> "event " + event.getId() + " not delivered: " + describe(retry));
        }
        Duration delay = retry.retryAfter().orElseGet(() -> backoff(message.receiveCount()));
        visibility.add(message.visibility((int) Math.min(delay.toSeconds(), MAX_VISIBILITY.toSeconds())));
    }

    private void unusable(InFlight message, String why) {
        int receives = message.receiveCount();
        String id = message.message.messageId();
        if (receives >= maxReceives) {
            dropped.increment();
            LOG.log(System.Logger.Level.ERROR, () -> "dropping message " + id + " of " + queue + " after " + receives
                    + " receives: " + why);
            deletes.add(message.delete());
        } else {
            Duration delay = backoff(receives);
            LOG.log(System.Logger.Level.WARNING, () -> "message " + id + " of " + queue + " is not delivered ("
                    + "receive " + receives + " of " + maxReceives + "): " + why + ". It returns in "
                    + delay.toSeconds() + "s, or goes to the queue's dead-letter queue if its redrive policy says so");
            // Explicitly, so that a short visibility timeout cannot turn a poison message into a tight loop.
            visibility.add(message.visibility((int) delay.toSeconds()));
        }
    }

    private Duration backoff(int receives) {
        long seconds = 1L << Math.min(Math.max(receives - 1, 0), 16);
        return seconds > maxRetryDelay.toSeconds() ? maxRetryDelay : Duration.ofSeconds(seconds);
    }

    private static String describe(SinkResult.Retryable retry) {
        return (retry.status() == 0 ? "" : "status " + retry.status() + ", ") + retry.detail()
                + retry.retryAfter().map(d -> ", Retry-After " + d.toSeconds() + "s").orElse("");
    }
}
