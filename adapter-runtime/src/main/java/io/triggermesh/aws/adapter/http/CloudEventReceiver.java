package io.triggermesh.aws.adapter.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP side of a target adapter, on Netty (HTTP/1.1, keep-alive): receives CloudEvents in binary or structured
 * (JSON) mode, through the CloudEvents SDK, hands each to the handler and answers with its {@link TargetReply}.
 * Anything that is not a valid CloudEvent gets a 400 naming the problem; a body over the limit gets a 413 and never
 * reaches the handler. {@code GET /health} answers 200 while the health check passes, 503 with its reason otherwise.
 *
 * <p>An {@link AsyncEventHandler} runs on the network threads and completes later; an {@link EventHandler} runs on a
 * pool of worker threads, since it may block.
 */
public final class CloudEventReceiver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CloudEventReceiver.class.getName());
    /** How long a stopping receiver waits for the answers of requests in progress. */
    static final Duration DRAIN = Duration.ofSeconds(5);
    /** Keep-alive connections with nothing going on for this long are closed. */
    static final Duration IDLE = Duration.ofSeconds(60);
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final EventLoopGroup group;
    private final Channel server;
    private final Intake intake;
    private final ExecutorService workers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CloudEventReceiver(EventLoopGroup group, Channel server, Intake intake, ExecutorService workers) {
        this.group = group;
        this.server = server;
        this.intake = intake;
        this.workers = workers;
    }

    /** A receiver for a handler that may block: it runs on {@link Builder#threads} worker threads. */
    public static Builder builder(EventHandler handler) {
        return new Builder(Objects.requireNonNull(handler, "handler"), null);
    }

    /** A receiver for a handler that never blocks: it runs on the network threads. */
    public static Builder asyncBuilder(AsyncEventHandler handler) {
        return new Builder(null, Objects.requireNonNull(handler, "handler"));
    }

    /** The port the receiver listens on (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    static String message(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /**
     * Stops accepting connections, refuses new requests with 503, lets requests in progress be answered (up to
     * {@link #DRAIN}), then closes every connection.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        intake.stop();
        server.close().syncUninterruptibly();
        if (!intake.awaitAnswered(DRAIN)) {
            LOG.log(System.Logger.Level.WARNING, "stopping with requests still unanswered after " + DRAIN);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Builder of a {@link CloudEventReceiver}. */
    public static final class Builder {
        private final EventHandler blocking;
        private final AsyncEventHandler async;
        private String host = "0.0.0.0";
        private int port = 8080;
        private int threads = 64;
        private int ioThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
        private int maxBodyBytes = 1024 * 1024 + 64 * 1024;
        private Supplier<Optional<String>> health = Optional::empty;

        private Builder(EventHandler blocking, AsyncEventHandler async) {
            this.blocking = blocking;
            this.async = async;
        }

        /** The port, 8080 by default; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind, all interfaces by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Blocking handlers running at once, 64 by default; unused with an {@link AsyncEventHandler}. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** Network (event loop) threads, as many as cores up to 2 by default. */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1");
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /** The largest request body accepted, 1 MiB + 64 KiB by default; larger ones get 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The health check: empty while healthy, else the reason {@code /health} answers 503 with. */
        public Builder health(Supplier<Optional<String>> health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /** Binds the port and starts serving. */
        public CloudEventReceiver start() throws IOException {
            ExecutorService workers = blocking == null ? null : workers(threads);
            AsyncEventHandler handler = blocking == null ? async
                    : event -> CompletableFuture.supplyAsync(() -> blocking.handle(event), workers);
            Intake intake = new Intake(handler, health, maxBodyBytes);
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads,
                    new DefaultThreadFactory("http-io", true), NioIoHandler.newFactory());
            Channel server;
            try {
                server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                        .option(ChannelOption.SO_BACKLOG, 256)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel channel) {
                                channel.pipeline().addLast(
                                        new HttpServerCodec(new HttpDecoderConfig()
                                                .setMaxHeaderSize(MAX_HEADER_BYTES)),
                                        new IdleStateHandler(0, 0, IDLE.toSeconds(), TimeUnit.SECONDS),
                                        new BodyLimit(maxBodyBytes),
                                        new ConnectionHandler(intake));
                            }
                        })
                        .bind(host, port).sync().channel();
            } catch (Exception e) {
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                if (workers != null) {
                    workers.shutdownNow();
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw e instanceof IOException io ? io
                        : new IOException("cannot listen on " + host + ":" + port + ": " + message(e), e);
            }
            CloudEventReceiver receiver = new CloudEventReceiver(group, server, intake, workers);
            LOG.log(System.Logger.Level.INFO, () -> "receiving CloudEvents on port " + receiver.port());
            return receiver;
        }

        private static ExecutorService workers(int threads) {
            AtomicInteger count = new AtomicInteger();
            return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "http-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }
}
