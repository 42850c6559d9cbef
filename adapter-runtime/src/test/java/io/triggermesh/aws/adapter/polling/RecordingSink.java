package io.triggermesh.aws.adapter.polling;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.adapter.sink.EventSink;
import io.triggermesh.aws.adapter.sink.SinkResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A sink that records what it was sent and answers what the test says; can hold deliveries to look slow. */
final class RecordingSink implements EventSink {

    final List<CloudEvent> received = new CopyOnWriteArrayList<>();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    volatile Function<CloudEvent, SinkResult> answer = e -> new SinkResult.Accepted(202);
    volatile long holdMillis;

    @Override
    public SinkResult send(CloudEvent event) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            if (holdMillis > 0) {
                // Simulates a slow sink: the delay is the behaviour under test, not synchronisation.
                Thread.sleep(holdMillis);
            }
            received.add(event);
            return answer.apply(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SinkResult.Retryable(0, "interrupted", java.util.Optional.empty());
        } finally {
            concurrent.decrementAndGet();
        }
    }

    List<String> ids() {
        return received.stream().map(CloudEvent::getId).toList();
    }
}
