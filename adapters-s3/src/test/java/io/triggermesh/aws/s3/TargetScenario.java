package io.triggermesh.aws.s3;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.s3.adapter.target.S3TargetAdapter;
import io.triggermesh.aws.s3.api.AwsS3TargetSpec;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** An AWSS3Target adapter running in this JVM against the emulator, and an HTTP client to send it events. */
final class TargetScenario implements AutoCloseable {

    private final AwsEmulator emulator;
    private static final java.time.Duration REQUEST_TIMEOUT = java.time.Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(5)).build();
    private AdapterRuntime adapter;
    private URI address;

    TargetScenario(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    /** The environment the controller renders for a target on {@code bucketArn}, with {@code extra} on top. */
    Map<String, String> env(String bucketArn, boolean discard, String... extra) throws IOException {
        AwsS3TargetKind kind = new AwsS3TargetKind(S3Fixtures.IMAGE);
        ObjectContext<AwsS3TargetSpec> object = new ObjectContext<>(AwsS3TargetKind.KIND, "team-a", "archive",
                "uid-archive", 1, new AwsS3TargetSpec(bucketArn, discard), Map.of());
        Map<String, String> env = new HashMap<>(kind.adapter(object).env());
        env.put("NAME", "archive");
        env.put("NAMESPACE", "team-a");
        env.put("AWS_REGION", emulator.region());
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", emulator.rootCredentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", emulator.rootCredentials().secretAccessKey());
        env.put(AdapterConfig.PORT, Integer.toString(freePort()));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    TargetScenario start(Map<String, String> env) throws Exception {
        adapter = AdapterRuntime.start(env, new S3TargetAdapter());
        address = URI.create("http://127.0.0.1:" + env.get(AdapterConfig.PORT) + "/");
        return this;
    }

    /** POSTs {@code event} in binary mode. */
    HttpResponse<byte[]> sendBinary(CloudEvent event) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(REQUEST_TIMEOUT);
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(request::header, bytes -> body[0] = bytes).writeBinary(event);
        request.POST(body[0] == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body[0]));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs {@code event} in binary mode with chunked transfer encoding (no Content-Length). */
    HttpResponse<byte[]> sendBinaryChunked(CloudEvent event) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(REQUEST_TIMEOUT);
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(request::header, bytes -> body[0] = bytes).writeBinary(event);
        request.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body[0])));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs {@code event} in structured mode (application/cloudevents+json). */
    HttpResponse<byte[]> sendStructured(CloudEvent event) throws Exception {
        return post(new JsonFormat().serialize(event), JsonFormat.CONTENT_TYPE);
    }

    HttpResponse<byte[]> post(byte[] body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(address).timeout(REQUEST_TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The event in a response (binary mode), or null when the answer has none. */
    static CloudEvent eventOf(HttpResponse<byte[]> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        if (!headers.containsKey("ce-id")) {
            return null;
        }
        return HttpMessageFactory.createReader(headers, response.body()).toEvent();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (adapter != null) {
            adapter.close();
        }
    }
}
