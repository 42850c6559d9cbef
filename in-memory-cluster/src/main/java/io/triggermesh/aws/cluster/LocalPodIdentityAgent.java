package io.triggermesh.aws.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.auth.model.StsNames;
import io.triggermesh.aws.spi.AdapterEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Plays the EKS Pod Identity agent in local mode and the controller's integration tests, as local mode's runner plays
 * the IRSA webhook: for each association ({@code --pod-identity NAMESPACE/SERVICEACCOUNT=ROLE_ARN}) it writes a
 * token file, and adapters
 * running under that ServiceAccount get {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} (this loopback endpoint) and
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}, as the EKS webhook injects them. A GET with a known token in
 * {@code Authorization} is answered with a session of the associated role, obtained with sts:AssumeRole using local
 * mode's own credentials (against the emulator when one is configured), in the agent's JSON shape. Sessions are
 * reused until five minutes before they expire. Nothing it serves is ever logged or printed.
 *
 * <p>The controller's identity check asks it too, as the real controller asks the node's agent: with a token the
 * in-memory API hands out for a TokenRequest of the associated ServiceAccount ({@link #tokenRequestToken}). Each
 * association has its own two random tokens (the adapter's file and the TokenRequest answer); a token maps to
 * exactly one association, and any other token, a ServiceAccount without association included, gets a 401.
 *
 * <p>The token files go into a directory of their own, created for this run with a random name and mode 0700, each
 * created new (never an existing file, never through a symbolic link) with mode 0600: the work directory may be
 * shared, and a file another local user planted there, or a link to a file of theirs, would hand them the token.
 */
public final class LocalPodIdentityAgent implements AutoCloseable {

    static final String PATH = "/v1/credentials";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final StsClient sts;
    private final Path workDir;
    /** By {@code namespace/serviceAccount}. */
    private final Map<String, PodIdentityAssociation> associations = new LinkedHashMap<>();
    /** The token of each association, by {@code namespace/serviceAccount}; random, written to a 0600 file. */
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** What a TokenRequest for each associated ServiceAccount answers, by {@code namespace/serviceAccount}. */
    private final Map<String, String> tokenRequestTokens = new LinkedHashMap<>();
    private final Map<String, Credentials> sessions = new ConcurrentHashMap<>();
    /** The token file of each association written so far, by {@code namespace/serviceAccount}. */
    private final Map<String, Path> tokenFiles = new LinkedHashMap<>();
    /** This run's directory of token files, once one is written. */
    private Path tokenDir;

    private LocalPodIdentityAgent(HttpServer server, StsClient sts, Path workDir,
                                  List<PodIdentityAssociation> associations) {
        this.server = server;
        this.sts = sts;
        this.workDir = workDir;
        SecureRandom random = new SecureRandom();
        for (PodIdentityAssociation association : associations) {
            String key = association.namespace() + "/" + association.serviceAccount();
            this.associations.put(key, association);
            tokens.put(key, randomToken(random));
            tokenRequestTokens.put(key, randomToken(random));
        }
    }

    private static String randomToken(SecureRandom random) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /**
     * The token local mode's API answers a TokenRequest for {@code namespace/serviceAccount} with, when an
     * association names it: the agent accepts it as that association's, as the real agent accepts any token of the
     * ServiceAccount. Empty for ServiceAccounts without association, whose tokens the agent refuses.
     */
    public Optional<String> tokenRequestToken(String namespace, String serviceAccount) {
        return Optional.ofNullable(tokenRequestTokens.get(namespace + "/" + serviceAccount));
    }

    /**
     * Starts the endpoint on 127.0.0.1 (any free port): the SDK accepts container credentials over http only from
     * loopback or the agent's link-local address.
     *
     * @param awsEndpoint the emulator's endpoint, or null for AWS
     * @param credentials what sts:AssumeRole is called with, or null for local mode's own (the SDK default chain,
     *     as the agent uses the node's identity)
     */
    public static LocalPodIdentityAgent start(List<PodIdentityAssociation> associations, URI awsEndpoint,
                                              String region, Path workDir, AwsCredentialsProvider credentials) {
        AwsEndpoints endpoints = AwsEndpoints.of(Region.of(region));
        if (awsEndpoint != null) {
            endpoints = endpoints.withGlobalEndpoint(awsEndpoint);
        }
        StsClientBuilder builder = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        StsClient sts = endpoints.applyTo(builder, "sts").build();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalPodIdentityAgent agent = new LocalPodIdentityAgent(server, sts, workDir, associations);
            server.createContext(PATH, agent::handle);
            server.start();
            return agent;
        } catch (IOException e) {
            sts.close();
            throw new UncheckedIOException(e);
        }
    }

    /** The associations, for the console; role ARNs are no secrets. */
    public List<PodIdentityAssociation> associations() {
        return List.copyOf(associations.values());
    }

    /** This endpoint, as adapters get it in {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /**
     * What the EKS Pod Identity webhook injects into a pod running under {@code serviceAccount}, or empty when no
     * association names it.
     */
    public synchronized Optional<Map<String, String>> environment(String namespace, String serviceAccount) {
        String key = namespace + "/" + serviceAccount;
        String token = tokens.get(key);
        if (token == null) {
            return Optional.empty();
        }
        Path file = tokenFile(key, "token-" + namespace + "-" + serviceAccount, token);
        return Optional.of(Map.of(AdapterEnv.AWS_CONTAINER_CREDENTIALS_FULL_URI, uri().toString(),
                AdapterEnv.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, file.toString()));
    }

    /** The token file of association {@code key}, written on first use. */
    private Path tokenFile(String key, String name, String token) {
        Path known = tokenFiles.get(key);
        if (known != null) {
            return known;
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (tokenDir == null) {
                tokenDir = posix ? Files.createTempDirectory(workDir, "pod-identity-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                        : Files.createTempDirectory(workDir, "pod-identity-");
            }
            Path file = tokenDir.resolve(name);
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
            try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
                ByteBuffer bytes = ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
            tokenFiles.put(key, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!"GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, Map.of("message", "only GET"));
                return;
            }
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            String key = presented == null ? null : associationOf(presented);
            if (key == null) {
                // As the agent: no hint which tokens exist, and never the presented one echoed.
                reply(exchange, 401, Map.of("message", "missing or unknown authorization token"));
                return;
            }
            Credentials session;
            try {
                session = session(key);
            } catch (RuntimeException e) {
                reply(exchange, 500, Map.of("message", "sts:AssumeRole of " + associations.get(key).roleArn()
                        + " failed: " + e.getClass().getSimpleName()));
                return;
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("AccessKeyId", session.accessKeyId());
            body.put("SecretAccessKey", session.secretAccessKey());
            body.put("Token", session.sessionToken());
            body.put("AccountId", accountOf(associations.get(key).roleArn()));
            body.put("Expiration", session.expiration().toString());
            reply(exchange, 200, body);
        }
    }

    /**
     * The association whose token (the adapter's or the TokenRequest one) is {@code presented}, compared in constant
     * time; null for none.
     */
    private String associationOf(String presented) {
        byte[] given = presented.trim().getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map<String, String> known : List.of(tokens, tokenRequestTokens)) {
            for (Map.Entry<String, String> entry : known.entrySet()) {
                if (MessageDigest.isEqual(given, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
                    found = entry.getKey();
                }
            }
        }
        return found;
    }

    private Credentials session(String key) {
        Credentials cached = sessions.get(key);
        if (cached != null && cached.expiration().isAfter(Instant.now().plus(REFRESH_BEFORE))) {
            return cached;
        }
        PodIdentityAssociation association = associations.get(key);
        Credentials fresh = sts.assumeRole(b -> b.roleArn(association.roleArn())
                .roleSessionName(sessionName(association))).credentials();
        sessions.put(key, fresh);
        return fresh;
    }

    /** As EKS names Pod Identity sessions ({@code eks-CLUSTER-...}), within STS's 64 characters. */
    static String sessionName(PodIdentityAssociation association) {
        return StsNames.sessionName("eks-local-" + association.namespace() + "-" + association.serviceAccount());
    }

    private static String accountOf(String roleArn) {
        String[] parts = roleArn.split(":");
        return parts.length > 4 ? parts[4] : "";
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        sts.close();
        // The tokens are worthless once the endpoint is gone; leave no copies in the work directory.
        try {
            for (Path file : tokenFiles.values()) {
                Files.deleteIfExists(file);
            }
            if (tokenDir != null) {
                Files.deleteIfExists(tokenDir);
            }
        } catch (IOException e) {
            // best effort: the directory is private to this user
        }
    }
}
