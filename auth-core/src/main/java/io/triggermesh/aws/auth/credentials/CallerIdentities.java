package io.triggermesh.aws.auth.credentials;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@code sts:GetCallerIdentity} for a chain, telling apart a refused hop from refused base credentials. */
final class CallerIdentities {

    private CallerIdentities() {
    }

    static CallerIdentity check(CredentialsHandle handle, AwsEndpoints endpoints, StsOptions options) {
        AwsCredentials credentials;
        try {
            // Runs the hops (AssumeRoleWithWebIdentity, AssumeRole) now, so their refusals are told apart.
            credentials = handle.provider().resolveCredentials();
        } catch (SdkException e) {
            throw new IdentityCheckException(IdentityCheckException.Step.CHAIN, e);
        }
        StsClientBuilder builder = StsClient.builder()
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(options::configure);
        try (StsClient sts = endpoints.applyTo(builder, "sts").build()) {
            GetCallerIdentityResponse response = sts.getCallerIdentity();
            return new CallerIdentity(response.arn(), response.account(), credentials.expirationTime());
        } catch (SdkException e) {
            throw new IdentityCheckException(IdentityCheckException.Step.GET_CALLER_IDENTITY, e);
        }
    }
}
