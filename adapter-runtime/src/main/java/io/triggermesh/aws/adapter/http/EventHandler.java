package io.triggermesh.aws.adapter.http;

import io.cloudevents.CloudEvent;

/**
 * What a target does with one CloudEvent received over HTTP. Called concurrently from the receiver's threads; may
 * block (for example on an AWS call). Exceptions become 500 answers.
 */
@FunctionalInterface
public interface EventHandler {

    TargetReply handle(CloudEvent event);
}
