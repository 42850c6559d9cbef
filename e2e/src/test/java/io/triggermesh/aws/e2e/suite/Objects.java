package io.triggermesh.aws.e2e.suite;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading connector objects' status, the guide's example manifests, and posting events to targets. */
final class Objects {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Objects() {
    }

    /** An example manifest of the guide, as committed in examples/aws-credentials. */
    static String example(String file) {
        try {
            return Files.readString(Path.of("..", "examples", "aws-credentials", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> status(GenericKubernetesResource object) {
        Object status = object == null ? null : object.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The condition of {@code type}, if the object has it. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> condition(GenericKubernetesResource object, String type) {
        if (status(object).get("conditions") instanceof List<?> conditions) {
            for (Object c : conditions) {
                if (c instanceof Map<?, ?> map && type.equals(map.get("type"))) {
                    return Optional.of((Map<String, Object>) map);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isTrue(GenericKubernetesResource object, String type) {
        return condition(object, type).map(c -> "True".equals(c.get("status"))).orElse(false);
    }

    /** Waits for Ready=True; returns the object's status. */
    static Map<String, Object> awaitReady(LocalSystem system, String namespace, String kind, String name) {
        Waits.until(kind + " " + namespace + "/" + name + " to be Ready", LocalSystem.READY,
                () -> isTrue(system.get(namespace, kind, name), "Ready"),
                () -> String.valueOf(status(system.get(namespace, kind, name)).get("conditions")));
        return status(system.get(namespace, kind, name));
    }

    /** Waits for condition {@code type} to be False with {@code reason}; returns its message. */
    static String awaitFalse(LocalSystem system, String namespace, String kind, String name, String type,
                             String reason) {
        return Waits.value(kind + " " + name + " to have " + type + "=False " + reason, LocalSystem.READY,
                () -> condition(system.get(namespace, kind, name), type)
                        .filter(c -> "False".equals(c.get("status")) && reason.equals(c.get("reason")))
                        .map(c -> String.valueOf(c.get("message"))));
    }

    /** POSTs a binary-mode CloudEvent; returns the status code. The reply goes to the canary check. */
    static int post(String url, String id, String subject, String json) {
        return exchange(url, id, subject, json).statusCode();
    }

    /** POSTs a binary-mode CloudEvent; returns the reply (status -1 when the target could not be reached). */
    static Reply exchange(String url, String id, String subject, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", "io.triggermesh.e2e.test")
                .header("ce-source", "e2e").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (subject != null) {
            request.header("ce-subject", subject);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Canaries.shown("reply of " + url, response.body());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, e.toString());
        }
    }

    /** A target's answer. */
    record Reply(int statusCode, String body) {
    }

    /** The body of {@code GET /health} of the target at {@code url}; empty when it does not answer. */
    static Optional<String> health(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url).resolve("/health")).timeout(REQUEST_TIMEOUT)
                .GET().build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** POSTs until the target answers 2xx (it may still be starting). */
    static void postAccepted(String url, String id, String subject, String json) {
        Waits.until("the target at " + url + " to accept event " + id, LocalSystem.READY,
                () -> post(url, id, subject, json) / 100 == 2);
    }
}
