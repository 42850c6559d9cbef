package io.triggermesh.aws.adapter.sink;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Blocking HTTP/1.1 POSTs to one {@code http:} sink over pooled keep-alive connections, on the caller's thread.
 *
 * <p>Why not the JDK {@code HttpClient} for these: it hands every request to its selector thread and every answer
 * to an executor thread and back to the caller, and with 16 deliveries on two cores those hand-offs and its objects
 * per request were about a tenth of the SQS source's CPU per event (docs/benchmarks.md, "Source"). Here each request
 * leaves in one write with TCP_NODELAY and its answer is read on the same thread: by Content-Length, chunked, or to
 * the end of the connection. An idle connection that fails before the first byte of its answer (the sink closed it
 * meanwhile) is dropped and the request sent once more on a new one; at-least-once delivery allows the duplicate
 * this can make in the rare case that the sink did take the first one. Reads are bounded by the timeout through the
 * socket's read timeout; writes, which sockets never time out, by a watchdog that closes a connection whose request
 * has not left by then (a sink that stopped reading). Thread-safe.
 */
final class PlainHttpPoster implements AutoCloseable {

    /** The status, the Retry-After header if any, and the first bytes of the body (for logs). */
    record Answer(int status, String retryAfter, byte[] detail) {
    }

    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 100;
    /** Bodies longer than this are not read to their end: the connection is closed instead. */
    private static final long MAX_DRAINED_BODY = 64 * 1024;
    /** Sinks close idle keep-alive connections after some seconds; older ones are not tried. */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int MAX_IDLE_CONNECTIONS = 64;
    private static final long WATCH_PERIOD_MILLIS = 500;
    /** One daemon thread for every poster of the process, started with the first connection. */
    private static final class Watchdog {
        static final ScheduledExecutorService TIMER = timer();

        private static ScheduledExecutorService timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "sink-write-watch");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    private final String host;
    private final int port;
    private final byte[] requestLine;
    private final long timeoutNanos;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private ScheduledFuture<?> watch;

    PlainHttpPoster(URI sink, long timeoutNanos) {
        if (!"http".equalsIgnoreCase(sink.getScheme()) || sink.getHost() == null) {
            throw new IllegalArgumentException("not an http URL with a host");
        }
        String hostName = sink.getHost();
        this.host = hostName.startsWith("[") ? hostName.substring(1, hostName.length() - 1) : hostName;
        this.port = sink.getPort() < 0 ? 80 : sink.getPort();
        String path = sink.getRawPath() == null || sink.getRawPath().isEmpty() ? "/" : sink.getRawPath();
        String target = sink.getRawQuery() == null ? path : path + "?" + sink.getRawQuery();
        String hostHeader = sink.getPort() < 0 ? hostName : hostName + ":" + sink.getPort();
        this.requestLine = ("POST " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * POSTs {@code body} with {@code headers} (name, value, name, value...; Host, Content-Length and Connection are
     * this class's) and reads the answer, within the timeout.
     *
     * @throws SocketTimeoutException when no complete answer came within the timeout
     * @throws IOException when the sink cannot be reached or answered something that is not HTTP/1.x
     * @throws IllegalArgumentException when a header cannot be sent (a control character in its value, say)
     */
    Answer post(List<String> headers, byte[] body) throws IOException {
        byte[] head = RequestHead.of(headers, body.length);
        long deadline = System.nanoTime() + timeoutNanos;
        Connection reused = takeIdle();
        if (reused != null) {
            try {
                return exchange(reused, head, body, deadline);
            } catch (NoAnswer e) {
                // The sink closed the idle connection: one more try on a new one.
            }
        }
        Connection fresh = connect(deadline);
        try {
            return exchange(fresh, head, body, deadline);
        } catch (NoAnswer e) {
            throw e.cause;
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (watch != null) {
                watch.cancel(false);
            }
        }
        idle.clear();
        // In use too: a delivery blocked on a hung sink ends now rather than at its timeout.
        open.forEach(Connection::close);
    }

    private Connection takeIdle() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            if (System.nanoTime() - connection.idleSince < MAX_IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private Connection connect(long deadline) throws IOException {
        if (closed) {
            throw new IOException("the sender is closed");
        }
        synchronized (this) {
            if (watch == null) {
                watch = Watchdog.TIMER.scheduleWithFixedDelay(this::closeStuckWrites, WATCH_PERIOD_MILLIS,
                        WATCH_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), remainingMillis(deadline));
            return new Connection(this, socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Answer exchange(Connection connection, byte[] head, byte[] body, long deadline) throws IOException {
        boolean answered = false;
        try {
            try {
                connection.writeDeadline = deadline;
                connection.out.write(requestLine);
                connection.out.write(head);
                connection.out.write(body);
                connection.out.flush();
                connection.writeDeadline = 0;
                connection.in.deadline = deadline;
                answered = connection.in.peekFirst();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (deadline - System.nanoTime() <= 0) {
                    throw new SocketTimeoutException("the sink did not take the request in time");
                }
                throw new NoAnswer(e);
            }
            if (!answered) {
                throw new NoAnswer(new IOException("the sink closed the connection without an answer"));
            }
            HttpAnswerReader.Parsed parsed = HttpAnswerReader.read(connection.in, CloudEventSender.DETAIL_LENGTH, MAX_LINE,
                    MAX_HEADERS, MAX_DRAINED_BODY);
            if (parsed.reusable() && !closed && idle.size() < MAX_IDLE_CONNECTIONS) {
                connection.idleSince = System.nanoTime();
                idle.addFirst(connection);
            } else {
                connection.close();
            }
            return new Answer(parsed.status(), parsed.retryAfter(), parsed.detail());
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void closeStuckWrites() {
        long now = System.nanoTime();
        for (Connection connection : open) {
            long deadline = connection.writeDeadline;
            if (deadline != 0 && now - deadline > 0) {
                connection.close();
            }
        }
    }

    static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** The request never reached the sink, or the sink closed the connection before answering. */
    private static final class NoAnswer extends IOException {
        private final IOException cause;

        NoAnswer(IOException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }
    }

    private static final class Connection {
        private final PlainHttpPoster owner;
        private final Socket socket;
        private final DeadlineInput in;
        private final OutputStream out;
        private long idleSince;
        /** While a request is being written, when it must have left; else 0. */
        private volatile long writeDeadline;

        Connection(PlainHttpPoster owner, Socket socket) throws IOException {
            this.owner = owner;
            this.socket = socket;
            this.in = new DeadlineInput(socket, socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            owner.open.add(this);
            if (owner.closed) {
                close();
                throw new IOException("the sender is closed");
            }
        }

        void close() {
            owner.open.remove(this);
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** The socket's input, buffered, each read from the socket bounded by what is left until the deadline. */
    static final class DeadlineInput extends BufferedInputStream {
        private final Socket socket;
        long deadline;

        DeadlineInput(Socket socket, InputStream in) {
            super(in, 8192);
            this.socket = socket;
        }

        /** Waits for the first byte of the answer; false when the connection ended first. */
        boolean peekFirst() throws IOException {
            mark(1);
            int first = read();
            if (first < 0) {
                return false;
            }
            reset();
            return true;
        }

        @Override
        public synchronized int read() throws IOException {
            bound();
            return super.read();
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            bound();
            return super.read(b, off, len);
        }

        private void bound() throws IOException {
            if (pos >= count) {
                socket.setSoTimeout(remainingMillis(deadline));
            }
        }
    }
}
