package io.triggermesh.aws.adapter.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.triggermesh.aws.adapter.logging.AdapterLogging;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP side of a target adapter, on Netty (HTTP/1.1, keep-alive): receives CloudEvents in binary or structured
 * (JSON) mode, through the CloudEvents SDK, hands each to the handler and answers with its {@link TargetReply}.
 * Anything that is not a valid CloudEvent gets a 400 naming the problem; a body over the limit gets a 413 and never
 * reaches the handler. {@code GET /health} answers 200 {@code {"status":"UP"}} while the health check passes, 503
 * {@code {"status":"DOWN"}} otherwise; the reason goes to the log, once per change.
 *
 * <p>Slow or large requests cannot take the process down: request bodies held at once share a budget (past it, 503
 * with {@code Retry-After}), a request's head and body each have a deadline (past it, 408), open connections are
 * capped (past it, 503), and an {@link OutOfMemoryError} on any path is logged at ERROR and ends the process, so
 * that it is restarted (see {@link Limits}).
 *
 * <p>An {@link AsyncEventHandler} runs on the network threads and completes later; an {@link EventHandler} runs on a
 * pool of worker threads, since it may block.
 */
public final class CloudEventReceiver implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CloudEventReceiver.class.getName());
    /** How long a stopping receiver waits for the answers of requests in progress. */
    static final Duration DRAIN = Duration.ofSeconds(5);
    /** The exit status when memory runs out, as the JVM's own {@code -XX:+ExitOnOutOfMemoryError} uses. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    /** Blocking handlers running at once (an {@link AsyncEventHandler} needs none). */
    static final int WORKER_THREADS = 64;

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

    /** A receiver for a handler that may block: it runs on a pool of worker threads (WORKER_THREADS). */
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

    /** The request-body bytes held now and at most (for tests). */
    BodyBudget bodyBudget() {
        return intake.budget();
    }

    static String message(Throwable e) {
        // Masked before it is cut: a cut inside a key id would leave a part no shape recognises.
        String text = AdapterLogging.redactor().redact(e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage());
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
        private int ioThreads = Math.min(2, Runtime.getRuntime().availableProcessors());
        private int maxBodyBytes = 1024 * 1024 + 64 * 1024;
        private long bodyBudgetBytes = 24L * 1024 * 1024;
        private int maxConnections = 1024;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private Supplier<Optional<String>> health = Optional::empty;
        private Consumer<OutOfMemoryError> outOfMemory = e -> Runtime.getRuntime().halt(OUT_OF_MEMORY_EXIT);

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

        /**
         * Request-body bytes all connections together may hold, 24 MiB by default (with the default body limit, 16
         * bodies of 1 MiB at once, and a quarter kept for requests up to 64 KiB). Past it a request gets 503 with
         * {@code Retry-After} and its connection is closed. Must leave room for one body of {@link #maxBodyBytes}
         * besides the quarter.
         */
        public Builder bodyBudgetBytes(long bodyBudgetBytes) {
            this.bodyBudgetBytes = bodyBudgetBytes;
            return this;
        }

        /** Open connections, 1024 by default; further ones get 503 with {@code Retry-After} and are closed. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * From a request's first byte to the end of its head, 10 s by default; past it, 408 and close. Idle
         * keep-alive connections between requests are not affected (they close after 60 s).
         */
        public Builder headerTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
            return this;
        }

        /** From the end of a request's head to the end of its body, 30 s by default; past it, 408 and close. */
        public Builder bodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = bodyTimeout;
            return this;
        }

        /** What ends the process after an {@link OutOfMemoryError} was logged; tests replace the halt. */
        Builder outOfMemory(Consumer<OutOfMemoryError> outOfMemory) {
            this.outOfMemory = Objects.requireNonNull(outOfMemory, "outOfMemory");
            return this;
        }

        /** The health check: empty while healthy, else the reason, which is logged (not answered) once per change. */
        public Builder health(Supplier<Optional<String>> health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /** Binds the port and starts serving. */
        public CloudEventReceiver start() throws IOException {
            Limits limits = new Limits(maxBodyBytes, bodyBudgetBytes, maxConnections, headerTimeout, bodyTimeout);
            ExecutorService workers = blocking == null ? null : workers(WORKER_THREADS);
            AsyncEventHandler handler = blocking == null ? async
                    : event -> CompletableFuture.supplyAsync(() -> blocking.handle(event), workers);
            Intake intake = new Intake(handler, health, limits, outOfMemory);
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads,
                    new DefaultThreadFactory("http-io", true), NioIoHandler.newFactory());
            Channel server;
            try {
                server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                        .option(ChannelOption.SO_BACKLOG, 256)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ConnectionSetup(intake))
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
