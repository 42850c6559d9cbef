package io.triggermesh.aws.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a target adapter's HTTP side loads, seen in a receiver running in a JVM of its own: health checks,
 * binary-mode events and every kind of answer load no jackson-databind class (some 300 classes and 1 MiB of an idle
 * adapter's memory, docs/benchmarks.md, "Memory of an adapter process"); the first structured-mode event loads it,
 * through the CloudEvents SDK's JSON format.
 */
class ReceiverClassLoadingIT {

    private static final long WAIT_SECONDS = 30;
    private static final String DATABIND = "com.fasterxml.jackson.databind.";

    @TempDir
    Path dir;

    private static String binary(String type, String contentType, String body) {
        return "POST / HTTP/1.1\r\nHost: x\r\nce-specversion: 1.0\r\nce-id: e-1\r\nce-type: " + type + "\r\n"
                + "ce-source: urn:s\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String request(String method, String path, String contentType, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void healthChecksBinaryEventsAndAllTheirAnswersLoadNoJacksonDatabind() throws Exception {
        List<String> loaded = classesLoadedServing(List.of(
                Map.entry(request("GET", "/health", "text/plain", ""), 200),
                Map.entry(binary("plain", "application/json", "{\"a\":[1,2]}"), 202),
                Map.entry(binary("result", "text/plain", "hello"), 200),
                Map.entry(binary("fail", "application/json", "{}"), 502),
                Map.entry(binary("plain", "application/json", "{not json"), 400),
                Map.entry(request("POST", "/", "application/json", "{}"), 400), // no ce-specversion
                Map.entry(request("GET", "/", "text/plain", ""), 405)));

        assertThat(loaded).as("the class-load log is read").contains(RequestEvents.class.getName(),
                Responses.class.getName());
        assertThat(loaded).filteredOn(name -> name.startsWith(DATABIND)).isEmpty();
    }

    @Test
    void theFirstStructuredModeEventLoadsTheSdkJsonFormatWithJacksonDatabind() throws Exception {
        List<String> loaded = classesLoadedServing(List.of(Map.entry(request("POST", "/",
                "application/cloudevents+json", "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"plain\","
                        + "\"source\":\"urn:s\"}"), 202)));

        assertThat(loaded).contains("io.cloudevents.jackson.JsonFormat", DATABIND + "ObjectMapper");
    }

    /** Starts {@link ReceiverProcess}, sends each request and checks its status, stops it; its loaded classes. */
    private List<String> classesLoadedServing(List<Map.Entry<String, Integer>> requests) throws Exception {
        Path log = dir.resolve("classes.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log + ":none", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ReceiverProcess.class.getName())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.log").toFile())).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(ready).as("the receiver's first line").startsWith("port ");
            int port = Integer.parseInt(ready.substring(5).strip());
            for (Map.Entry<String, Integer> request : requests) {
                try (Socket socket = RawHttp.connect(port)) {
                    socket.getOutputStream().write(request.getKey().getBytes(StandardCharsets.UTF_8));
                    assertThat(RawHttp.read(socket).code()).as(request.getKey()).isEqualTo(request.getValue());
                }
            }
            process.getOutputStream().close(); // the receiver stops at the end of its input
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the receiver stopped").isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int space = line.indexOf(' ');
            classes.add(space < 0 ? line : line.substring(0, space));
        }
        return classes;
    }
}
