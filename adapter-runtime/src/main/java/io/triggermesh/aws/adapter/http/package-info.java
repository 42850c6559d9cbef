/**
 * The HTTP side of target adapters: {@link io.triggermesh.aws.adapter.http.CloudEventReceiver}, a Netty HTTP/1.1
 * server, accepts CloudEvents in binary and structured mode, gives each to an
 * {@link io.triggermesh.aws.adapter.http.EventHandler} (blocking, on worker threads) or an
 * {@link io.triggermesh.aws.adapter.http.AsyncEventHandler} (on the network threads) and answers with its
 * {@link io.triggermesh.aws.adapter.http.TargetReply}; {@code /health} reports readiness (up or down only). Each
 * connection's requests pass {@code RequestWatch} (head and body deadlines, the receiver's shared body budget) and
 * {@code BodyLimit} before {@code ConnectionHandler} answers them in order; {@code docs/target-http.md} lists the
 * limits. {@code EventChecks} refuses what the SDK lets through but a target must not take, such as data declared
 * JSON that is not; {@code JsonSyntax} vouches for plain JSON without a parser, Jackson decides the rest.
 */
package io.triggermesh.aws.adapter.http;
