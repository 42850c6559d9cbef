package io.triggermesh.aws.adapter;

import io.triggermesh.aws.auth.credentials.AdapterCredentials;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.auth.credentials.CredentialsHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of one adapter process. Credentials come from auth-core's
 * {@link AdapterCredentials#fromEnvironment} (the only credential factory), region and endpoints from
 * {@link AwsEndpoints}; every client shares one HTTP client. Closing this closes every client it built, the HTTP
 * client and the credential chain. Every client reports an expired session token through
 * {@link #credentialsProblem()} (see {@link ExpiredCredentials}).
 *
 * <p>Build a client for any service with {@link #client}, for example
 * {@code aws.client(S3Client.builder().forcePathStyle(true), "s3", region)}; SQS has a shortcut, {@link #sqs}.
 */
public final class AwsClients implements AutoCloseable {

    /** Socket read timeout: above SQS's 20-second long poll, so a poll is never cut short. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(35);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final AwsEndpoints endpoints;
    private final CredentialsHandle credentials;
    private final LongPollHttpClient http;
    private final List<SdkClient> clients = new ArrayList<>();
    private final ExpiredCredentials expiry;

    AwsClients(AwsEndpoints endpoints, CredentialsHandle credentials) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.expiry = new ExpiredCredentials(credentials.description());
        SdkHttpClient urlConnection = UrlConnectionHttpClient.builder()
                .socketTimeout(READ_TIMEOUT)
                .connectionTimeout(CONNECT_TIMEOUT)
                .build();
        this.http = new LongPollHttpClient(urlConnection);
    }

    /**
     * The clients of an adapter with this configuration.
     *
     * @throws AdapterConfigException naming the variable when the credential environment is inconsistent
     */
    public static AwsClients fromConfig(AdapterConfig config) {
        CredentialsHandle handle;
        try {
            handle = AdapterCredentials.fromEnvironment(config.environment(), config.endpoints());
        } catch (IllegalArgumentException e) {
            // auth-core's messages start with the variable's name and never carry a credential value.
            String message = e.getMessage() == null ? "invalid credential environment" : e.getMessage();
            String variable = message.split(" ", 2)[0];
            throw new AdapterConfigException(variable, message.substring(variable.length()).trim());
        }
        return new AwsClients(config.endpoints(), handle);
    }

    /** Clients that use {@code provider} (owned by the caller) instead of the environment's chain; for tests. */
    public static AwsClients withProvider(AwsEndpoints endpoints, AwsCredentialsProvider provider) {
        return new AwsClients(endpoints, CredentialsHandle.unowned(provider, "provided credentials"));
    }

    /** Which identity the clients use, such as {@code static keys + session token}; never secret material. */
    public String identityDescription() {
        return credentials.description();
    }

    /** The credentials every client signs with. */
    public AwsCredentialsProvider credentialsProvider() {
        return credentials.provider();
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Empty while AWS accepts the credentials; else why not (the session token expired). Targets add this to their
     * health check, so {@code /health} answers 503 while every AWS call would fail anyway.
     */
    public Optional<String> credentialsProblem() {
        return expiry.problem();
    }

    /** An SQS client for a queue in {@code region} (a queue's region comes from its ARN). */
    public synchronized SqsClient sqs(Region region) {
        return client(SqsClient.builder(), "sqs", region);
    }

    /**
     * Completes {@code builder} with this adapter's credentials, HTTP client and the endpoint of {@code service}
     * (its {@code AWS_ENDPOINT_URL_<SERVICE>}, else {@code AWS_ENDPOINT_URL}), in {@code region}; the client is
     * closed with this object.
     */
    public synchronized <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            B builder, String service, Region region) {
        endpoints.applyTo(builder, service);
        builder.region(Objects.requireNonNull(region, "region"));
        builder.credentialsProvider(credentials.provider());
        builder.httpClient(http);
        // Added to whatever the caller configured (a call timeout, say), not in its place.
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder().addExecutionInterceptor(expiry)
                .build());
        C client = builder.build();
        clients.add(client);
        return client;
    }

    /**
     * Aborts SQS long polls in flight and refuses new ones, so a shutdown does not wait for them; other calls go on.
     * Call first when stopping.
     */
    public void stopLongPolls() {
        http.stopLongPolls();
    }

    @Override
    public synchronized void close() {
        http.stopLongPolls();
        clients.forEach(SdkClient::close);
        clients.clear();
        http.close();
        credentials.close();
    }

    @Override
    public String toString() {
        return "AwsClients[" + credentials.description() + ", region " + endpoints.region() + "]";
    }
}
