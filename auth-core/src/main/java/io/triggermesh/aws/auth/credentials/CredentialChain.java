package io.triggermesh.aws.auth.credentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/**
 * Builds one chain from SDK parts, base identity first, then optional role hops. Every STS client and provider it
 * creates is recorded, so that the resulting {@link CredentialsHandle} (or {@link #abandon()} on failure) closes
 * them. Not thread-safe; one instance per chain.
 */
final class CredentialChain {

    private final AwsEndpoints endpoints;
    private final StsOptions options;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private AwsCredentialsProvider current;

    CredentialChain(AwsEndpoints endpoints, StsOptions options) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Base identity: an access key pair, with a session token when the keys are temporary. */
    CredentialChain staticKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
        requireNoBase();
        AwsCredentials credentials = sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
        current = StaticCredentialsProvider.create(credentials);
        steps.add(sessionToken == null ? "static keys" : "static keys + session token");
        return this;
    }

    /**
     * Base identity: a session handed out by someone else (the EKS Pod Identity agent), with its expiry so that the
     * identity check can show it. Not refreshed: the chain is built for one check.
     */
    CredentialChain session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                            String description) {
        requireNoBase();
        current = StaticCredentialsProvider.create(AwsSessionCredentials.builder().accessKeyId(accessKeyId)
                .secretAccessKey(secretAccessKey).sessionToken(sessionToken).expirationTime(expiration).build());
        steps.add(description);
        return this;
    }

    /**
     * Base identity: sts:AssumeRoleWithWebIdentity. {@code token} is asked again at every refresh, so projected
     * token files that the kubelet rotates, and tokens minted on demand, are always fresh.
     */
    CredentialChain webIdentity(String roleArn, String sessionName, Supplier<String> token, String description) {
        requireNoBase();
        StsClient sts = stsClient(AnonymousCredentialsProvider.create());
        StsAssumeRoleWithWebIdentityCredentialsProvider provider = options.refreshing(
                StsAssumeRoleWithWebIdentityCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder()
                                .roleArn(roleArn)
                                .roleSessionName(sessionName)
                                .webIdentityToken(token.get())
                                .build()))
                .build();
        return use(provider, description);
    }

    /**
     * Base identity: the container credentials endpoint, as EKS Pod Identity injects it. The SDK's provider reads
     * the endpoint and token file from the process environment, where the webhook (or local mode) put them, and
     * reads the token file again at each refresh.
     */
    CredentialChain containerCredentials(String description) {
        requireNoBase();
        ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder()
                .asyncCredentialUpdateEnabled(false).build();
        return use(provider, description);
    }

    /** Base identity: whatever the SDK default chain finds (env, system properties, profile, IRSA, Pod Identity). */
    CredentialChain defaultChain() {
        requireNoBase();
        DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build();
        return use(provider, "SDK default chain");
    }

    /** A role hop on top of the current identity: sts:AssumeRole, cached and refreshed before expiry. */
    CredentialChain assumeRole(AssumeRoleSpec spec) {
        if (current == null) {
            throw new IllegalStateException("assume role needs a base identity first");
        }
        StsClient sts = stsClient(current);
        StsAssumeRoleCredentialsProvider provider = options.refreshing(StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(() -> AssumeRoleRequest.builder()
                                .roleArn(spec.roleArn())
                                .roleSessionName(spec.sessionName())
                                .externalId(spec.externalId())
                                .durationSeconds(spec.durationSeconds())
                                .build()))
                .build();
        return use(provider, spec.describe());
    }

    /** Makes {@code provider} the chain's current identity, closed with the chain. */
    private <P extends AwsCredentialsProvider & AutoCloseable> CredentialChain use(P provider, String description) {
        owned.add(provider);
        current = provider;
        steps.add(description);
        return this;
    }

    CredentialsHandle build() {
        if (current == null) {
            throw new IllegalStateException("no base identity");
        }
        return new CredentialsHandle(current, String.join(" → ", steps), owned);
    }

    /** Closes whatever was created so far; for when building the chain fails half-way. */
    void abandon() {
        new CredentialsHandle(AnonymousCredentialsProvider.create(), "abandoned", owned).close();
    }

    private StsClient stsClient(AwsCredentialsProvider credentials) {
        StsClientBuilder builder = StsClient.builder()
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(options::configure);
        StsClient client = endpoints.applyTo(builder, "sts").build();
        owned.add(client);
        return client;
    }

    private void requireNoBase() {
        if (current != null) {
            throw new IllegalStateException("the chain already has a base identity");
        }
    }
}
