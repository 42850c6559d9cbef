package io.triggermesh.aws.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * An emulator someone else runs, named by URL. Its kind is detected so that reset() and the moto-only helpers work
 * when the URL points at moto or LocalStack (for instance a CI service container).
 */
final class ExplicitEndpoint {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private ExplicitEndpoint() {
    }

    /** Fails when the URL is malformed or nothing answers there: an explicit choice that is broken is an error. */
    static AwsEmulator connect(String raw, String source) {
        URI endpoint = parse(raw, source);
        // LocalStack first: moto would answer its health path with an S3 error, never with 200.
        OptionalInt localStack = EmulatorHttp.probe(endpoint.resolve("/_localstack/health"), PROBE_TIMEOUT);
        if (localStack.isEmpty()) {
            throw new IllegalStateException("nothing answers at " + endpoint + " (from " + source + ")");
        }
        if (localStack.getAsInt() == 200) {
            return new AwsEmulator(AwsEmulator.Kind.LOCALSTACK, endpoint);
        }
        OptionalInt moto = EmulatorHttp.probe(endpoint.resolve("/moto-api/"), PROBE_TIMEOUT);
        AwsEmulator.Kind kind = moto.isPresent() && moto.getAsInt() == 200
                ? AwsEmulator.Kind.MOTO
                : AwsEmulator.Kind.EXTERNAL;
        return new AwsEmulator(kind, endpoint);
    }

    private static URI parse(String raw, String source) {
        String trimmed = raw.strip();
        // No trailing slash: SDK clients append paths to the endpoint (S3 path-style would get "//bucket").
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new IllegalStateException(
                        source + " must be an http(s) URL such as http://127.0.0.1:5000, got '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(source + " is not a URL: '" + raw + "'", e);
        }
    }
}
