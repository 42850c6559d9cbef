package io.triggermesh.aws.adapter.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Collects each request into one message, up to the body limit. An oversized request is not answered here (Netty
 * would send an empty 413) but passed on as {@link TooLarge}, so that its JSON answer takes its turn among the
 * connection's other answers. Netty discards the rest of its body.
 */
final class BodyLimit extends HttpObjectAggregator {

    /**
     * A request whose body passed the limit.
     *
     * @param keepAlive whether the connection can serve further requests: not when part of the body was already
     *     read, nor when the client did not ask for keep-alive
     */
    record TooLarge(boolean keepAlive) {
    }

    BodyLimit(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (!(oversized instanceof HttpRequest request)) {
            ctx.close();
            return;
        }
        boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(request);
        ctx.fireChannelRead(new TooLarge(keepAlive));
    }
}
