package io.triggermesh.aws.auth.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggermesh.aws.spi.api.CredentialRedactor;
import io.triggermesh.aws.spi.api.Shown;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The EKS Pod Identity agent's credentials endpoint, asked the way the SDK's container credentials provider asks it
 * in an adapter's pod: a GET with a ServiceAccount token (audience {@value #AUDIENCE}) in {@code Authorization}. The
 * agent exchanges the token with EKS Auth using the node's role, so the caller needs no AWS permission of its own.
 * The controller uses it to check which identity a Pod Identity association gives an object's adapter.
 *
 * <p>Both ways are bounded ({@link #CONNECT_TIMEOUT}, {@link #READ_TIMEOUT}): a controller pod on Fargate or on a
 * node without the agent add-on must not hang its reconcile. Nothing the agent returns, nor the token, is ever put
 * into a message: errors quote the agent's reply only through a redactor that knows the token.
 */
public final class PodIdentityAgent {

    /** The audience of the tokens the agent accepts (what the EKS Pod Identity webhook projects). */
    public static final String AUDIENCE = "pods.eks.amazonaws.com";

    /** Where the agent listens on every node, as its webhook tells pods ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}). */
    public static final URI DEFAULT_URI = URI.create("http://169.254.170.23/v1/credentials");

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_REPLY_CHARS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A session the agent handed out. {@link #toString()} shows none of the values.
     *
     * @param expiration when it expires, as the agent says; null when it does not say
     */
    record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

        List<String> secrets() {
            return java.util.Arrays.asList(accessKeyId, secretAccessKey, sessionToken);
        }

        @Override
        public String toString() {
            return "Session[expiration=" + expiration + "]";
        }
    }

    private final URI uri;
    private final HttpClient client;
    private final Duration readTimeout;

    public PodIdentityAgent(URI uri) {
        this(uri, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    PodIdentityAgent(URI uri, Duration connectTimeout, Duration readTimeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the EKS Pod Identity agent URI must be an absolute http or https URL,"
                    + " not " + Shown.quoted(uri));
        }
        // No redirects: the token must reach the agent and nobody else.
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI uri() {
        return uri;
    }

    /**
     * Asks the agent for the session of the association that names the token's ServiceAccount.
     *
     * @throws PodIdentityAgentException when the agent cannot be reached, refuses the token or answers nonsense
     */
    Session session(String token) {
        CredentialRedactor redactor = CredentialRedactor.knowing(List.of(token));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET()
                .header("Authorization", token).header("Accept", "application/json").build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PodIdentityAgentException(PodIdentityAgentException.Kind.UNREACHABLE, uri, 0,
                    redactor.redact(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                            + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PodIdentityAgentException(PodIdentityAgentException.Kind.UNREACHABLE, uri, 0, "interrupted");
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        if (status != 200) {
            PodIdentityAgentException.Kind kind = status >= 400 && status < 500 && status != 429
                    ? PodIdentityAgentException.Kind.REFUSED : PodIdentityAgentException.Kind.FAILED;
            throw new PodIdentityAgentException(kind, uri, status, shown(body, redactor));
        }
        try {
            JsonNode reply = JSON.readTree(body);
            String keyId = text(reply, "AccessKeyId");
            String secret = text(reply, "SecretAccessKey");
            String sessionToken = text(reply, "Token");
            if (keyId == null || secret == null || sessionToken == null) {
                throw new PodIdentityAgentException(PodIdentityAgentException.Kind.FAILED, uri, status,
                        "the reply lacks AccessKeyId, SecretAccessKey or Token");
            }
            String expiration = text(reply, "Expiration");
            return new Session(keyId, secret, sessionToken, expiration == null ? null : Instant.parse(expiration));
        } catch (IOException | DateTimeParseException e) {
            // Never the body: it holds the session when it is half right.
            throw new PodIdentityAgentException(PodIdentityAgentException.Kind.FAILED, uri, status,
                    "the reply is not the agent's credentials JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String text(JsonNode reply, String field) {
        JsonNode value = reply.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    /** The agent's error text, masked, on one line and cut: it is user-facing in a condition. */
    private static String shown(String body, CredentialRedactor redactor) {
        String masked = redactor.redact(body.strip());
        String cut = masked.length() > MAX_REPLY_CHARS ? masked.substring(0, MAX_REPLY_CHARS) + " …" : masked;
        return Shown.escaped(cut);
    }

    @Override
    public String toString() {
        return "PodIdentityAgent[" + uri + "]";
    }
}
