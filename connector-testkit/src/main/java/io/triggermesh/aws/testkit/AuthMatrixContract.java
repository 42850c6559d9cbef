package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.credentials.AdapterCredentials;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.auth.credentials.CredentialsHandle;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.auth.env.EnvVar;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard authentication matrix, run against an AWS emulator: for each way {@code spec.auth} can be written,
 * the kit renders the adapter environment exactly as the controller does (auth-core), resolves Secret references
 * as the kubelet would, adds what the EKS webhook injects for IRSA, and asks the connector which identity AWS saw.
 *
 * <p>Name your subclass {@code *IT}. Override {@link #callerArnSeenByAdapter} when your adapter builds its AWS
 * clients in its own way; the default uses auth-core's adapter chain, which every adapter shipped here uses.
 */
@ExtendWith(AwsEmulatorExtension.class)
public abstract class AuthMatrixContract {

    private static final String NAMESPACE = "team-a";
    private static final String NAME = "matrix";

    @TempDir
    Path workDir;

    private AwsEmulator aws;
    private EmulatorIam iam;

    /** The kind whose adapter is under test (used for the owner of the rendered environment). */
    protected abstract String kind();

    /** The API version of {@link #kind()}. */
    protected abstract String apiVersion();

    /**
     * The ARN AWS reports (sts:GetCallerIdentity) for requests the adapter signs when started with {@code env}.
     */
    protected String callerArnSeenByAdapter(Map<String, String> env) throws Exception {
        try (CredentialsHandle handle = AdapterCredentials.fromEnvironment(env, AwsEndpoints.fromEnvironment(env))) {
            return iam.callerArn(handle.provider());
        }
    }

    @BeforeEach
    void emulator(AwsEmulator emulator) {
        this.aws = emulator;
        emulator.assumeMoto();
        emulator.reset();
        this.iam = new EmulatorIam(emulator);
    }

    @AfterEach
    void closeIam() {
        aws.disableIamEnforcement();
        iam.close();
    }

    @Test
    void staticKeysFromASecretActAsTheirIamUser() throws Exception {
        EmulatorIam.User user = iam.createUser("matrix-user", EmulatorIam.allow("sqs:ListQueues", "*"));
        Map<String, String> secrets = Map.of("aws/id", user.keys().accessKeyId(),
                "aws/secret", user.keys().secretAccessKey());
        aws.enableIamEnforcement();

        String arn = callerArnSeenByAdapter(env(AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.fromSecret("aws", "id"), ValueSource.fromSecret("aws", "secret"))), secrets));

        assertThat(arn).isEqualTo(user.arn());
    }

    @Test
    void literalKeysReachTheAdapterThroughTheOwnedSecret() throws Exception {
        EmulatorIam.User user = iam.createUser("matrix-literal", EmulatorIam.allow("sqs:ListQueues", "*"));
        aws.enableIamEnforcement();

        String arn = callerArnSeenByAdapter(env(AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.literal(user.keys().accessKeyId()),
                ValueSource.literal(user.keys().secretAccessKey()))), Map.of()));

        assertThat(arn).isEqualTo(user.arn());
    }

    @Test
    void sessionTokenCredentialsActAsTheirSession() throws Exception {
        String role = iam.createRole(EmulatorIam.ACCOUNT, "matrix-temporary",
                EmulatorIam.trust("arn:aws:iam::" + EmulatorIam.ACCOUNT + ":root"),
                EmulatorIam.allow("sqs:ListQueues", "*"));
        software.amazon.awssdk.services.sts.model.Credentials temporary = iam.sts(iam.root()).assumeRole(b -> b.roleArn(role).roleSessionName("laptop"))
                .credentials();
        Map<String, String> secrets = Map.of("aws/id", temporary.accessKeyId(),
                "aws/secret", temporary.secretAccessKey(), "aws/token", temporary.sessionToken());

        String arn = callerArnSeenByAdapter(env(AwsAuth.ofCredentials(Credentials.keys(
                        ValueSource.fromSecret("aws", "id"), ValueSource.fromSecret("aws", "secret"))
                .withSessionToken(ValueSource.fromSecret("aws", "token"))), secrets));

        assertThat(arn).isEqualTo(EmulatorIam.assumedRoleArn(EmulatorIam.ACCOUNT, "matrix-temporary", "laptop"));
    }

    @Test
    void assumeIamRoleActsAsTheRoleInAnotherAccount() throws Exception {
        String role = EmulatorIam.roleArn(EmulatorIam.OTHER_ACCOUNT, "matrix-cross");
        EmulatorIam.User user = iam.createUser("matrix-assumer", EmulatorIam.allow("sts:AssumeRole", role));
        iam.createRole(EmulatorIam.OTHER_ACCOUNT, "matrix-cross", EmulatorIam.trust(user.arn()),
                EmulatorIam.allow("sqs:ListQueues", "*"));
        Map<String, String> secrets = Map.of("aws/id", user.keys().accessKeyId(),
                "aws/secret", user.keys().secretAccessKey());
        aws.enableIamEnforcement();

        String arn = callerArnSeenByAdapter(env(AwsAuth.ofCredentials(Credentials.keys(
                        ValueSource.fromSecret("aws", "id"), ValueSource.fromSecret("aws", "secret"))
                .withAssumeRole(role, null)), secrets));

        assertThat(arn).isEqualTo(EmulatorIam.assumedRoleArn(EmulatorIam.OTHER_ACCOUNT, "matrix-cross",
                AdapterEnvironment.defaultSessionName(owner())));
    }

    @Test
    void iamRoleForTheServiceAccountActsAsTheRole() throws Exception {
        String role = iam.createRole(EmulatorIam.ACCOUNT, "matrix-irsa", EmulatorIam.trustWebIdentity(),
                EmulatorIam.allow("sqs:ListQueues", "*"));

        String arn = callerArnSeenByAdapter(env(AwsAuth.ofIam(Iam.role(role)), Map.of()));

        assertThat(arn).startsWith("arn:aws:sts::" + EmulatorIam.ACCOUNT + ":assumed-role/matrix-irsa/");
    }

    private OwnerObject owner() {
        return new OwnerObject(apiVersion(), kind(), NAMESPACE, NAME, "uid-matrix");
    }

    /**
     * The adapter's environment as a pod would see it: rendered by auth-core, Secret references resolved against
     * {@code secrets} ({@code name/key} to value) and the owned Secret, plus the EKS webhook's variables for IRSA.
     */
    private Map<String, String> env(AwsAuth auth, Map<String, String> secrets) throws IOException {
        AdapterEnvPlan plan = AdapterEnvironment.render(owner(), auth);
        Map<String, String> store = new HashMap<>(secrets);
        plan.ownedSecret().ifPresent(s -> s.data().forEach((k, v) -> store.put(s.name() + "/" + k, v)));
        Map<String, String> env = iam.adapterEnv("NAME", NAME, "NAMESPACE", NAMESPACE);
        for (EnvVar var : plan.env()) {
            env.put(var.name(), var.isSecretRef()
                    ? store.get(var.secretRef().name() + "/" + var.secretRef().key()) : var.value());
        }
        if (auth.iam() != null && auth.iam().roleArn() != null) {
            Path token = workDir.resolve("token");
            Files.writeString(token, "header.payload.signature");
            env.put("AWS_ROLE_ARN", auth.iam().roleArn());
            env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        }
        return env;
    }
}
