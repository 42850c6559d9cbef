package io.triggermesh.aws.adapter.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sets up each accepted connection: the request timers and body budget ({@link RequestWatch}) around the HTTP
 * decoder, the idle rule, the body limit and the {@link ConnectionHandler}; or, past the connection cap, a 503 and
 * close.
 */
final class ConnectionSetup extends ChannelInitializer<SocketChannel> {

    /** Keep-alive connections with nothing going on for this long are closed. */
    static final Duration IDLE = Duration.ofSeconds(60);
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Intake intake;

    ConnectionSetup(Intake intake) {
        this.intake = intake;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (!intake.connectionOpened()) {
            channel.pipeline().addLast(new HttpResponseEncoder(), new Refuse());
            return;
        }
        channel.closeFuture().addListener(f -> intake.connectionClosed());
        RequestWatch watch = new RequestWatch(intake);
        channel.pipeline().addLast(
                watch.start(),
                new HttpServerCodec(new HttpDecoderConfig().setMaxHeaderSize(MAX_HEADER_BYTES)),
                watch,
                new IdleStateHandler(0, 0, IDLE.toSeconds(), TimeUnit.SECONDS),
                new BodyLimit(intake.maxBodyBytes()),
                new ConnectionHandler(intake, watch));
    }

    /** Answers a connection past the cap with 503 before reading anything, and closes it. */
    private final class Refuse extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
            FullHttpResponse response = Responses.failure(ctx.alloc(), TargetReply.throttled(503,
                    "TooManyConnections", "the adapter has " + intake.limits().maxConnections()
                            + " connections open already; retry later", Duration.ofSeconds(1)));
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!intake.fatal(cause)) {
                ctx.close();
            }
        }
    }
}
