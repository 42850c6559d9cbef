package io.triggermesh.aws.adapter.sink;

import io.cloudevents.CloudEvent;

/** Where a source delivers its events. Implementations are thread-safe and block until the sink answered. */
@FunctionalInterface
public interface EventSink {

    /** Sends one event and says how the sink answered; never throws for sink or network failures. */
    SinkResult send(CloudEvent event);
}
