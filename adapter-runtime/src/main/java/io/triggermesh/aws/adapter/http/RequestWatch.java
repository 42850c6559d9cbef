package io.triggermesh.aws.adapter.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Guards one connection's requests between the HTTP decoder and the body aggregation: reserves each body in the
 * receiver's {@link BodyBudget}, and cuts a request off when its head or its body takes too long. A request cut off
 * becomes a {@link Cutoff} for the {@link ConnectionHandler}, which answers it in turn and closes the connection;
 * nothing more is read. Idle time between requests is not limited here (the receiver's idle rule is).
 *
 * <p>The bytes reserved for a request are handed to the connection handler with {@link #claim()}, which releases
 * them once the request is answered; bytes never claimed are released when the connection closes.
 */
final class RequestWatch extends ChannelInboundHandlerAdapter {

    /** A request refused before it was complete; the connection ends after its answer. */
    record Cutoff(TargetReply.Failure reply) {
    }

    private enum State { IDLE, HEAD, BODY, CUT }

    private final Intake intake;
    private ChannelHandlerContext ctx;
    private State state = State.IDLE;
    private ScheduledFuture<?> timer;
    /** The pending deadline (System.nanoTime), its part ("head" or "body", null for none) and its timeout. */
    private long deadline;
    private String deadlinePart;
    private Duration deadlineTimeout;
    private long declaredLength;
    private long bodySeen;
    private long pending;

    RequestWatch(Intake intake) {
        this.intake = intake;
    }

    /** The handler before the HTTP decoder, which tells this watch when the bytes of a new request start. */
    ChannelInboundHandlerAdapter start() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (state == State.CUT) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                if (state == State.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    state = State.HEAD;
                    schedule(intake.limits().headerTimeout(), "head");
                }
                ctx.fireChannelRead(msg);
                // The decoder has passed on all it could of these bytes: a request still incomplete needs its timer.
                arm();
            }
        };
    }

    /** The bytes reserved for the request last passed on (or cut off); the caller releases them once answered. */
    long claim() {
        long claimed = pending;
        pending = 0;
        return claimed;
    }

    /** Whether the connection stopped reading for good. */
    boolean cut() {
        return state == State.CUT;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.CUT || !(msg instanceof HttpObject)) {
            if (state == State.CUT) {
                ReferenceCountUtil.release(msg);
            } else {
                ctx.fireChannelRead(msg);
            }
            return;
        }
        if (msg instanceof HttpRequest request && !head(request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpContent content && !(msg instanceof HttpRequest) && !body(content)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof LastHttpContent) {
            cancel();
            state = State.IDLE;
            declaredLength = 0;
            bodySeen = 0;
        }
        ctx.fireChannelRead(msg);
    }

    /** The head arrived: reserve a declared body up front; whether the request goes on. */
    private boolean head(HttpRequest request) {
        cancel();
        state = State.BODY;
        bodySeen = 0;
        declaredLength = HttpUtil.getContentLength(request, -1L);
        // Bodies over the limit are discarded as they arrive (413), so they need no room.
        if (declaredLength > 0 && declaredLength <= intake.maxBodyBytes()
                && !reserve(declaredLength, declaredLength <= BodyBudget.SMALL_BYTES)) {
            return false;
        }
        schedule(intake.limits().bodyTimeout(), "body");
        return true;
    }

    /** A piece of a body: reserve it when the length was not declared; whether the request goes on. */
    private boolean body(HttpContent content) {
        long size = content.content().readableBytes();
        if (declaredLength >= 0 || size == 0) {
            return true;
        }
        long limit = intake.maxBodyBytes();
        long more = Math.min(bodySeen + size, limit) - Math.min(bodySeen, limit);
        bodySeen += size;
        return reserve(more, bodySeen <= BodyBudget.SMALL_BYTES);
    }

    private boolean reserve(long bytes, boolean small) {
        if (intake.budget().reserve(bytes, small)) {
            pending += bytes;
            return true;
        }
        cutOff(TargetReply.throttled(503, "Overloaded", "the adapter holds " + intake.budget().total()
                + " bytes of request bodies already; retry later", Duration.ofSeconds(1)));
        return false;
    }

    /**
     * Sets the deadline of {@code part}, {@code timeout} from now. The timer itself is only started by {@link #arm()}
     * once the bytes read so far are decoded, if the request is still incomplete: a request that arrives in one read
     * (nearly all of them) then costs no timer at all, where it used to schedule and cancel two.
     */
    private void schedule(Duration timeout, String part) {
        cancel();
        deadline = System.nanoTime() + timeout.toNanos();
        deadlinePart = part;
        deadlineTimeout = timeout;
    }

    private void arm() {
        if (deadlinePart == null || timer != null || state == State.CUT) {
            return;
        }
        String part = deadlinePart;
        Duration timeout = deadlineTimeout;
        timer = ctx.executor().schedule(() -> {
            timer = null;
            deadlinePart = null;
            if (state == State.HEAD && "head".equals(part) || state == State.BODY && "body".equals(part)) {
                if (!ctx.channel().config().isAutoRead()) {
                    // the connection handler paused reading (answers pending): not slow
                    schedule(timeout, part);
                    arm();
                    return;
                }
                cutOff(TargetReply.failure(408, "RequestTimeout", "the request " + part + " did not arrive within "
                        + timeout.toMillis() + " ms"));
            }
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        deadlinePart = null;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void cutOff(TargetReply.Failure reply) {
        cancel();
        state = State.CUT;
        ctx.channel().config().setAutoRead(false);
        ctx.fireChannelRead(new Cutoff(reply));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        intake.budget().release(claim());
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }
}
