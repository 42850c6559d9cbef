package io.triggermesh.aws.adapter.polling;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link MessageHandler} made of one message: the events to deliver (possibly none, which deletes the message
 * at once), or why the message cannot be turned into events.
 *
 * @param events the events, in delivery order; empty on failure
 * @param failure why the message is unusable, for logs; never holds secrets
 */
public record MessageEvents(List<CloudEvent> events, Optional<String> failure) {

    public MessageEvents {
        events = List.copyOf(events);
        Objects.requireNonNull(failure, "failure");
        if (failure.isPresent() && !events.isEmpty()) {
            throw new IllegalArgumentException("a failed message has no events");
        }
    }

    public static MessageEvents of(List<CloudEvent> events) {
        return new MessageEvents(events, Optional.empty());
    }

    public static MessageEvents of(CloudEvent event) {
        return of(List.of(event));
    }

    /** The message cannot become events; {@code reason} is logged with the message id. */
    public static MessageEvents failed(String reason) {
        return new MessageEvents(List.of(), Optional.of(Objects.requireNonNull(reason, "reason")));
    }

    public boolean isFailure() {
        return failure.isPresent();
    }
}
