package io.triggermesh.aws.testing;

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
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * IAM set-up in the emulator for credential tests (users with keys, roles with trust and permission policies, in
 * any account), and the probe such tests end with: sts:GetCallerIdentity, whose ARN says which identity a provider
 * really authenticated as. Create it with IAM enforcement off; close it to close its clients.
 */
public class EmulatorIam implements AutoCloseable {

    public static final String ACCOUNT = AwsEmulator.DEFAULT_ACCOUNT;
    public static final String OTHER_ACCOUNT = "111111111111";

    private final AwsEmulator emulator;
    private final List<SdkClient> clients = new ArrayList<>();

    /** An IAM user and its access key; {@code toString} leaves the key out. */
    public record User(String arn, AwsBasicCredentials keys) {
        @Override
        public String toString() {
            return "User[" + arn + "]";
        }
    }

    public EmulatorIam(AwsEmulator emulator) {
        this.emulator = emulator;
    }

    public AwsEmulator emulator() {
        return emulator;
    }

    /** An adapter's environment pointing at the emulator ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}) plus pairs. */
    public Map<String, String> adapterEnv(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", emulator.region());
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    public AwsCredentialsProvider root() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                emulator.rootCredentials().accessKeyId(), emulator.rootCredentials().secretAccessKey()));
    }

    /** Creates a user in the default account with an inline policy and an access key. */
    public User createUser(String name, String policy) {
        return createUser(ACCOUNT, name, policy);
    }

    /** Creates a user in {@code account} with an inline policy and an access key (which acts in that account). */
    public User createUser(String account, String name, String policy) {
        IamClient iam = iam(account);
        String arn = iam.createUser(b -> b.userName(name)).user().arn();
        iam.putUserPolicy(b -> b.userName(name).policyName(name + "-policy").policyDocument(policy));
        AccessKey key = iam.createAccessKey(b -> b.userName(name)).accessKey();
        return new User(arn, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    /** Creates a role in {@code account} with a trust policy and an inline permission policy. */
    public String createRole(String account, String name, String trustPolicy, String policy) {
        IamClient iam = iam(account);
        String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trustPolicy)).role().arn();
        iam.putRolePolicy(b -> b.roleName(name).policyName(name + "-policy").policyDocument(policy));
        return arn;
    }

    /** The ARN the emulator sees for requests signed with {@code provider}. */
    public String callerArn(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
        return sts(provider).getCallerIdentity().arn();
    }

    /** An STS client for probing, signed by {@code provider}; closed with this object. */
    public StsClient sts(IdentityProvider<? extends AwsCredentialsIdentity> provider,
                         ExecutionInterceptor... interceptors) {
        StsClient sts = StsClient.builder()
                .region(Region.of(emulator.region()))
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(provider)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> List.of(interceptors).forEach(o::addExecutionInterceptor))
                .build();
        clients.add(sts);
        return sts;
    }

    public static String allow(String action, String resource) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "%s", "Resource": "%s"}]}""".formatted(action, resource);
    }

    public static String trust(String principalArn) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole"}]}"""
                .formatted(principalArn);
    }

    public static String trustWithExternalId(String principalArn, String externalId) {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "sts:AssumeRole",
                   "Condition": {"StringEquals": {"sts:ExternalId": "%s"}}}]}""".formatted(principalArn, externalId);
    }

    public static String trustWebIdentity() {
        return """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::%s:oidc-provider/oidc.example"},
                   "Action": "sts:AssumeRoleWithWebIdentity"}]}""".formatted(ACCOUNT);
    }

    public static String roleArn(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    public static String assumedRoleArn(String account, String role, String session) {
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session;
    }

    private IamClient iam(String account) {
        IamClient iam = IamClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(emulator.endpoint())
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
