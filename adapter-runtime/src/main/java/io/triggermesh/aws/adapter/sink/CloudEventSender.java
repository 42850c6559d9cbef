package io.triggermesh.aws.adapter.sink;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.triggermesh.aws.spi.api.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts CloudEvents to a sink in binary mode ({@code ce-*} headers, data as the body) with the JDK HTTP client, over
 * HTTP/1.1 with pooled keep-alive connections, and sorts the answers into {@link SinkResult}s. Thread-safe; one per
 * process.
 */
public final class CloudEventSender implements EventSink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CloudEventSender.class.getName());
    private static final int DETAIL_LENGTH = 200;

    private final URI sink;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService executor;
    private final HttpClient http;

    private CloudEventSender(URI sink, Duration timeout, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        HttpRequest.Builder request = HttpRequest.newBuilder(sink).timeout(timeout);
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter((name, value) -> request.header(name, ceHeader(name) ? HeaderValues.encode(value)
                : value), bytes -> body[0] = bytes).writeBinary(event);
        request.POST(body[0] == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body[0]));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            SinkResult result = SinkResult.ofStatus(status, detail(response.body()),
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
            if (!result.isAccepted()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "sink " + describeSink() + " answered " + status
                        + " to event " + event.getId());
            }
            return result;
        } catch (HttpTimeoutException e) {
            return new SinkResult.Retryable(0, "no answer within " + timeout.toSeconds() + "s", Optional.empty());
        } catch (IOException e) {
            return new SinkResult.Retryable(0, "cannot reach the sink: " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SinkResult.Retryable(0, "interrupted", Optional.empty());
        }
    }

    /** The sink URL without user info or query (sinks often take a token there), for logs. */
    public String describeSink() {
        return Redaction.uriForDisplay(sink.toString());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static String detail(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, DETAIL_LENGTH), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").trim();
    }

    @Override
    public String toString() {
        return "CloudEventSender[" + describeSink() + "]";
    }

    private static boolean ceHeader(String name) {
        return name.regionMatches(true, 0, "ce-", 0, 3);
    }
}
