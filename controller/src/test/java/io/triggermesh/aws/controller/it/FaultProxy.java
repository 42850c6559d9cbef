package io.triggermesh.aws.controller.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the mock API server that can cut one replica off like a network partition: after
 * {@link #blackhole()} it forwards nothing in either direction and accepts new connections without answering, so
 * the replica's requests hang until its client gives up, instead of failing fast.
 */
final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean blackhole;

    private FaultProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    static FaultProxy start(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(server, new InetSocketAddress(host, port));
        daemon("fault-proxy-accept", proxy::acceptLoop).start();
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    /** From now on nothing passes, on open connections or new ones. */
    void blackhole() {
        blackhole = true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (blackhole) {
                    daemon("fault-proxy-sink", () -> pump(client, null)).start();
                    continue;
                }
                Socket target = new Socket();
                target.connect(upstream, 5_000);
                sockets.add(target);
                daemon("fault-proxy-up", () -> pump(client, target)).start();
                daemon("fault-proxy-down", () -> pump(target, client)).start();
            } catch (IOException e) {
                // closed, or the upstream refused: the client sees its connection close
            }
        }
    }

    /** Copies {@code from} to {@code to} until either closes; while blackholed, reads and drops everything. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to == null ? null : to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!blackhole && out != null) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            if (!blackhole && to != null) {
                closeQuietly(to);
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(FaultProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
