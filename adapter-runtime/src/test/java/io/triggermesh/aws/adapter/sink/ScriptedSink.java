package io.triggermesh.aws.adapter.sink;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A sink on a real socket that answers each request with the raw bytes a script gives for its number (0, 1, ...),
 * so tests can send what a well-behaved HTTP server library would not: chunked bodies, 100 Continue, answers without
 * a length, closed keep-alive connections. Every socket read has a timeout.
 */
final class ScriptedSink implements AutoCloseable {

    /** An answer: its bytes, whether to close the connection after it, whether to send nothing at all. */
    record Reply(String raw, boolean closeAfter, boolean hang) {
        static Reply of(String raw) {
            return new Reply(raw, false, false);
        }
    }

    private final ServerSocket server;
    private final IntFunction<Reply> script;
    private final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    final List<String> heads = new CopyOnWriteArrayList<>();
    final CountDownLatch closedOne = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);

    ScriptedSink(IntFunction<Reply> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread serve = new Thread(() -> serve(socket), "scripted-sink-conn");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                in.readNBytes(length);
                Reply reply = script.apply(requests.getAndIncrement());
                if (reply.hang()) {
                    stop.await(30, TimeUnit.SECONDS);
                    return;
                }
                out.write(reply.raw().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (reply.closeAfter()) {
                    socket.close();
                    closedOne.countDown();
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        stop.countDown();
        server.close();
    }
}
