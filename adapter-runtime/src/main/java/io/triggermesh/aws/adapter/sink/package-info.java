/**
 * Delivery of a source's CloudEvents: {@link io.triggermesh.aws.adapter.sink.CloudEventSender} posts them to
 * {@code K_SINK} in binary mode and sorts every answer into a {@link io.triggermesh.aws.adapter.sink.SinkResult}
 * (accepted, rejected, retryable with the sink's {@code Retry-After}). Engines depend on the
 * {@link io.triggermesh.aws.adapter.sink.EventSink} interface so tests can use their own sinks.
 */
package io.triggermesh.aws.adapter.sink;
