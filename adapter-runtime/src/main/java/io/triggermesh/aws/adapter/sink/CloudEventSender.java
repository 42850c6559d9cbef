package io.triggermesh.aws.adapter.sink;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.spi.api.Redaction;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts CloudEvents to a sink in binary mode ({@code ce-*} headers, data as the body) over HTTP/1.1 keep-alive
 * connections, and sorts the answers into {@link SinkResult}s. An {@code http:} sink (the usual in-cluster broker or
 * service) gets blocking POSTs on the delivering thread ({@link PlainHttpPoster}); an {@code https:} sink the JDK
 * {@code HttpClient}, for its TLS. Thread-safe; one per process.
 */
public final class CloudEventSender implements EventSink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CloudEventSender.class.getName());
    /** How much of a sink's answer body is kept for logs and results; the plain poster reads no more. */
    static final int DETAIL_LENGTH = 200;

    private final URI sink;
    private final Duration timeout;
    private final Clock clock;
    private final PlainHttpPoster plain;
    private final ExecutorService executor;
    private final HttpClient http;

    private CloudEventSender(URI sink, Duration timeout, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        if ("http".equalsIgnoreCase(sink.getScheme()) && sink.getHost() != null) {
            this.plain = new PlainHttpPoster(sink, timeout.toNanos());
            this.executor = null;
            this.http = null;
            return;
        }
        this.plain = null;
        // The client's own executor only runs completion stages; daemon threads never hold the JVM up.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sink-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** A sender to {@code sink}; each POST may take up to {@code timeout}. */
    public static CloudEventSender create(URI sink, Duration timeout) {
        return new CloudEventSender(sink, timeout, Clock.systemUTC());
    }

    @Override
    public SinkResult send(CloudEvent event) {
        List<String> headers = new ArrayList<>(16);
        BinaryHeaders.write(event, (name, value) -> {
            headers.add(name);
            headers.add(value);
        });
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        try {
            SinkResult result = plain != null ? post(headers, data) : postWithHttpClient(headers, data);
            if (!result.isAccepted()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "sink " + describeSink() + " answered "
                        + status(result) + " to event " + event.getId());
            }
            return result;
        } catch (HttpTimeoutException | SocketTimeoutException e) {
            return new SinkResult.Retryable(0, "no answer within " + timeout.toSeconds() + "s", Optional.empty());
        } catch (IOException e) {
            return new SinkResult.Retryable(0, "cannot reach the sink: " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SinkResult.Retryable(0, "interrupted", Optional.empty());
        }
    }

    private SinkResult post(List<String> headers, byte[] data) throws IOException {
        PlainHttpPoster.Answer answer = plain.post(headers, data);
        return SinkResult.ofStatus(answer.status(), detail(answer.detail()),
                RetryAfter.parse(answer.retryAfter(), clock));
    }

    private SinkResult postWithHttpClient(List<String> headers, byte[] data) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(sink).timeout(timeout);
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        request.POST(data.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(data));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return SinkResult.ofStatus(response.statusCode(), detail(response.body()),
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
    }

    /** The sink URL without user info or query (sinks often take a token there), for logs. */
    public String describeSink() {
        return Redaction.uriForDisplay(sink.toString());
    }

    @Override
    public void close() {
        if (plain != null) {
            plain.close();
        } else {
            executor.shutdownNow();
        }
    }

    private static String detail(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, DETAIL_LENGTH), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String status(SinkResult result) {
        if (result instanceof SinkResult.Rejected rejected) {
            return Integer.toString(rejected.status());
        }
        return result instanceof SinkResult.Retryable retry ? Integer.toString(retry.status()) : "";
    }

    @Override
    public String toString() {
        return "CloudEventSender[" + describeSink() + "]";
    }
}
