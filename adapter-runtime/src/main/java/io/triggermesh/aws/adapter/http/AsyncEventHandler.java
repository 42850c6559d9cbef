package io.triggermesh.aws.adapter.http;

import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletionStage;

/**
 * What a target does with one CloudEvent received over HTTP, without blocking: called on the receiver's network
 * threads, it starts the work and returns at once with the stage that completes with the reply. A stage completed
 * exceptionally, or an exception thrown here, becomes a 500 answer. Targets whose work blocks implement
 * {@link EventHandler} instead.
 */
@FunctionalInterface
public interface AsyncEventHandler {

    CompletionStage<TargetReply> handle(CloudEvent event);
}
