package io.triggermesh.aws.bench.sqs;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of the target benchmark: a Netty HTTP/1.1 server (the transport, codec and body aggregation the
 * adapter's receiver uses) that answers every request 202 and does nothing else: no CloudEvent, no SQS.
 */
public final class NoopNettyServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel server;

    NoopNettyServer(int ioThreads) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("noop-io", true),
                NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                ACCEPT);
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/");
    }

    private static final ChannelHandler ACCEPT = new Accept();

    @ChannelHandler.Sharable
    private static final class Accept extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.ACCEPTED);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(response);
        }
    }

    /**
     * Runs the server in a JVM of its own (started by {@link ChildJvm}, so that its CPU time is its own) until the
     * process is stopped. Arguments: event loops. Prints {@code READY PORT}.
     */
    public static void main(String[] args) throws InterruptedException {
        NoopNettyServer server = new NoopNettyServer(Integer.parseInt(args[0]));
        System.out.println("READY " + server.uri().getPort());
        System.out.flush();
        server.server.closeFuture().sync();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
