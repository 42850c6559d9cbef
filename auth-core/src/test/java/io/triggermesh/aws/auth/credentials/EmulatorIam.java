package io.triggermesh.aws.auth.credentials;

import io.triggermesh.aws.auth.env.AdapterEnvNames;
import io.triggermesh.aws.testing.AwsEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * IAM set-up in the emulator for credential tests (users with keys, roles with trust and permission policies, in
 * any account), and the one probe every test ends with: sts:GetCallerIdentity, whose ARN says which identity a
 * provider really authenticated as.
 */
final class EmulatorIam implements AutoCloseable {

    static final String ACCOUNT = AwsEmulator.DEFAULT_ACCOUNT;
    static final String OTHER_ACCOUNT = "111111111111";

    private final AwsEmulator emulator;
    private final List<SdkClient> clients = new ArrayList<>();

    /** An IAM user and its access key. */
    record User(String arn, AwsBasicCredentials keys) {
        @Override
        public String toString() {
            return "User[" + arn + "]";
        }
    }

    EmulatorIam(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    AwsEndpoints endpoints() {
        return AwsEndpoints.of(Region.of(emulator.region())).withGlobalEndpoint(emulator.endpoint());
    }

    /** The adapter environment pointing at the emulator, plus {@code keyValues}. */
    Map<String, String> adapterEnv(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put(AdapterEnvNames.AWS_REGION, emulator.region());
        env.put(AdapterEnvNames.AWS_ENDPOINT_URL, emulator.endpoint().toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    AwsCredentialsProvider root() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                emulator.rootCredentials().accessKeyId(), emulator.rootCredentials().secretAccessKey()));
    }

    /** Creates a user in the default account with an inline policy and an access key (IAM enforcement off). */
    User createUser(String name, String policy) {
        IamClient iam = iam(ACCOUNT);
        String arn = iam.createUser(b -> b.userName(name)).user().arn();
        iam.putUserPolicy(b -> b.userName(name).policyName(name + "-policy").policyDocument(policy));
        AccessKey key = iam.createAccessKey(b -> b.userName(name)).accessKey();
        return new User(arn, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    /** Creates a role in {@code account} with a trust policy and an inline permission policy (enforcement off). */
    String createRole(String account, String name, String trustPolicy, String policy) {
        IamClient iam = iam(account);
        String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trustPolicy)).role().arn();
        iam.putRolePolicy(b -> b.roleName(name).policyName(name + "-policy").policyDocument(policy));
        return arn;
    }

    /** The ARN the emulator sees for requests signed with {@code provider}. */
    String callerArn(AwsCredentialsProvider provider) {
        return sts(provider).getCallerIdentity().arn();
    }

    /** An STS client for probing, signed by {@code provider}; closed with this object. */
    StsClient sts(AwsCredentialsProvider provider, ExecutionInterceptor... interceptors) {
        StsClient sts = endpoints().applyTo(StsClient.builder(), "sts")
                .credentialsProvider(provider)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> List.of(interceptors).forEach(o::addExecutionInterceptor))
                .build();
        clients.add(sts);
        return sts;
    }

    static String allow(String action, String resource) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "%s", "Resource": "%s"}]}""".formatted(action, resource);
    }

    static String trust(String principalArn) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole"}]}"""
                .formatted(principalArn);
    }

    static String trustWithExternalId(String principalArn, String externalId) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole",
                   "Condition": {"StringEquals": {"sts:ExternalId": "%s"}}}]}""".formatted(principalArn, externalId);
    }

    static String trustWebIdentity() {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::%s:oidc-provider/oidc.example"},
                   "Action": "sts:AssumeRoleWithWebIdentity"}]}""".formatted(ACCOUNT);
    }

    static String roleArn(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    static String assumedRoleArn(String account, String role, String session) {
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session;
    }

    private IamClient iam(String account) {
        IamClient iam = endpoints().applyTo(IamClient.builder(), "iam")
                .credentialsProvider(root())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.putHeader(AwsEmulator.MOTO_ACCOUNT_HEADER, account))
                .build();
        clients.add(iam);
        return iam;
    }

    @Override
    public void close() {
        clients.forEach(SdkClient::close);
    }
}
