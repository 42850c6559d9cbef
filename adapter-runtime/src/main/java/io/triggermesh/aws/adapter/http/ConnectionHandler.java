package io.triggermesh.aws.adapter.http;

import io.cloudevents.CloudEvent;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One client connection. Requests are handled as they arrive and answered in the order they came (HTTP/1.1
 * pipelining), each once its handler completed; reading pauses while {@value #MAX_UNANSWERED} are unanswered. Runs on
 * the connection's event loop only: replies completed elsewhere come back to it. A request the {@link RequestWatch} cut
 * off (too slow, or over the body budget) is answered in its turn and ends the connection. An
 * {@link OutOfMemoryError} on any path ends the process ({@link Intake#fatal}).
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(CloudEventReceiver.class.getName());
    private static final String HEALTH_PATH = "/health";
    static final int MAX_UNANSWERED = 32;

    /** One request's place in the answer order; {@code response} is set once its reply is known. */
    private static final class Turn {
        final boolean keepAlive;
        final boolean http10;
        /** Body bytes held in the {@link BodyBudget} for this request until it is answered. */
        final long reserved;
        FullHttpResponse response;
        boolean abandoned;

        Turn(boolean keepAlive, boolean http10, long reserved) {
            this.keepAlive = keepAlive;
            this.http10 = http10;
            this.reserved = reserved;
        }
    }

    private final Intake intake;
    private final RequestWatch watch;
    private final ArrayDeque<Turn> turns = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean closing;

    ConnectionHandler(Intake intake, RequestWatch watch) {
        this.intake = intake;
        this.watch = watch;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closing) {
                return;
            }
            if (msg instanceof RequestWatch.Cutoff cutoff) {
                answer(turn(false, false), cutoff.reply());
            } else if (msg instanceof BodyLimit.TooLarge tooLarge) {
                answer(turn(tooLarge.keepAlive(), false), TargetReply.failure(413, "PayloadTooLarge",
                        "the request body exceeds " + intake.maxBodyBytes() + " bytes"));
            } else if (msg instanceof FullHttpRequest request) {
                request(request);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void request(FullHttpRequest request) {
        boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        if (request.decoderResult().isFailure()) {
            answer(turn(false, http10), TargetReply.failure(400, "BadRequest", "not a valid HTTP request: "
                    + CloudEventReceiver.message(request.decoderResult().cause())));
            return;
        }
        if (intake.stopping()) {
            answer(turn(false, http10), TargetReply.throttled(503, "Stopping", "the adapter is stopping",
                    Duration.ofSeconds(1)));
            return;
        }
        Turn turn = turn(HttpUtil.isKeepAlive(request), http10);
        if (HEALTH_PATH.equals(path(request.uri()))) {
            turn.response = Responses.health(ctx.alloc(), intake.healthy());
            flush();
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            answer(turn, TargetReply.failure(405, "MethodNotAllowed", "send CloudEvents with POST"));
            return;
        }
        CloudEvent event;
        try {
            event = RequestEvents.read(request);
        } catch (EventChecks.Invalid e) {
            answer(turn, TargetReply.failure(400, e.code(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            answer(turn, TargetReply.failure(400, "InvalidCloudEvent", "not a valid CloudEvent: "
                    + CloudEventReceiver.message(e) + ". Send a CloudEvent in binary mode (ce-* headers) or"
                    + " structured mode (Content-Type: application/cloudevents+json)"));
            return;
        }
        CompletionStage<TargetReply> reply;
        try {
            reply = intake.handler().handle(event);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, error) -> {
            if (ctx.executor().inEventLoop()) {
                handled(turn, event, r, error);
            } else {
                ctx.executor().execute(() -> handled(turn, event, r, error));
            }
        });
    }

    private void handled(Turn turn, CloudEvent event, TargetReply reply, Throwable error) {
        if (error != null || reply == null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause != null) {
                intake.fatal(cause); // when it ends the process, nobody waits for this answer
            }
            LOG.log(System.Logger.Level.ERROR, "handling event " + event.getId() + " failed", cause);
            reply = TargetReply.failure(500, "InternalError", "handling the event failed: "
                    + (cause == null ? "no reply" : CloudEventReceiver.message(cause)));
        }
        answer(turn, reply);
    }

    private Turn turn(boolean keepAlive, boolean http10) {
        Turn turn = new Turn(keepAlive, http10, watch.claim());
        turns.add(turn);
        intake.started();
        if (turns.size() >= MAX_UNANSWERED) {
            ctx.channel().config().setAutoRead(false);
        }
        return turn;
    }

    private void answer(Turn turn, TargetReply reply) {
        if (turn.abandoned) {
            return; // the connection closed meanwhile; already counted as answered
        }
        turn.response = reply instanceof TargetReply.Success success ? Responses.success(ctx.alloc(), success)
                : Responses.failure(ctx.alloc(), (TargetReply.Failure) reply);
        flush();
    }

    /** Writes the answers that are ready, in order. */
    private void flush() {
        boolean wrote = false;
        while (!closing && !turns.isEmpty() && turns.peek().response != null) {
            Turn turn = turns.poll();
            FullHttpResponse response = turn.response;
            turn.response = null;
            if (!turn.keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (turn.http10) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            ChannelFuture written = ctx.write(response);
            written.addListener(f -> {
                intake.budget().release(turn.reserved);
                intake.answered();
            });
            wrote = true;
            if (!turn.keepAlive) {
                closing = true;
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
        if (wrote) {
            ctx.flush();
        }
        if (!closing && !watch.cut() && !ctx.channel().config().isAutoRead() && turns.size() < MAX_UNANSWERED) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        for (Turn turn : turns) {
            turn.abandoned = true;
            ReferenceCountUtil.release(turn.response);
            intake.budget().release(turn.reserved);
            intake.answered();
        }
        turns.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && turns.isEmpty()) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (intake.fatal(cause)) {
            ctx.close();
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "connection to a client failed: " + cause);
        ctx.close();
    }

    private static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
