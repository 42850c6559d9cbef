package io.triggermesh.aws.adapter.http;

import io.cloudevents.CloudEvent;

/**
 * What a target does with one CloudEvent received over HTTP. Called concurrently from the receiver's worker threads;
 * may block (for example on an AWS call). Exceptions become 500 answers. See {@link AsyncEventHandler} for targets
 * that complete their work asynchronously.
 */
@FunctionalInterface
public interface EventHandler {

    TargetReply handle(CloudEvent event);
}
