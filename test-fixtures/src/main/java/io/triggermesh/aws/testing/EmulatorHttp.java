package io.triggermesh.aws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;

/** The few plain HTTP calls the fixture makes to emulator admin endpoints (not AWS APIs). */
final class EmulatorHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    // HTTP/1.1: moto's werkzeug server does not speak HTTP/2, so skip the upgrade attempt. Immutable, thread-safe.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private EmulatorHttp() {
    }

    /** The status of a GET, or empty when nothing answers (refused, timed out). */
    static OptionalInt probe(URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            return OptionalInt.of(CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** POSTs a text/plain body; anything but 200 is an error, since moto's admin API answers 200 on success. */
    static void postExpectingOk(URI uri, String body) {
        HttpResponse<String> response = post(uri, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "POST " + uri + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    static void postIgnoringFailure(URI uri) {
        try {
            post(uri, "");
        } catch (RuntimeException e) {
            // Best effort by contract (see AwsEmulator.reset()).
        }
    }

    private static HttpResponse<String> post(URI uri, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + uri, e);
        }
    }
}
