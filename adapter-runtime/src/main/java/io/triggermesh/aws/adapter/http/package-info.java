/**
 * The HTTP side of target adapters: {@link io.triggermesh.aws.adapter.http.CloudEventReceiver} accepts CloudEvents in
 * binary and structured mode, gives each to an {@link io.triggermesh.aws.adapter.http.EventHandler} and answers with
 * its {@link io.triggermesh.aws.adapter.http.TargetReply}; {@code /health} reports readiness.
 */
package io.triggermesh.aws.adapter.http;
