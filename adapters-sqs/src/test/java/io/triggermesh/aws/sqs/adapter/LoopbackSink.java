package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.sink.HeaderValues;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A CloudEvents sink on the loopback interface: records every event and answers what the test says. */
final class LoopbackSink implements AutoCloseable {

    /** The sink's answer to one event. */
    record Answer(int status, String retryAfter) {
        static final Answer OK = new Answer(202, null);
    }

    final List<CloudEvent> received = new CopyOnWriteArrayList<>();
    volatile Function<CloudEvent, Answer> answer = e -> Answer.OK;
    volatile CountDownLatch hold = new CountDownLatch(0);
    private final HttpServer server;

    LoopbackSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                CloudEvent event = HttpMessageFactory.createReaderFromMultimap(
                        HeaderValues.decodeCloudEventHeaders(exchange.getRequestHeaders()), body)
                        .toEvent();
                hold.await(30, TimeUnit.SECONDS);
                Answer a = answer.apply(event);
                if (a.status() < 300) {
                    received.add(event);
                }
                if (a.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", a.retryAfter());
                }
                exchange.sendResponseHeaders(a.status(), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<String> ids() {
        return received.stream().map(CloudEvent::getId).toList();
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
    }
}
