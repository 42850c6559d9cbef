package io.triggermesh.aws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggermesh.aws.auth.credentials.AdapterCredentials;
import io.triggermesh.aws.auth.credentials.AwsEndpoints;
import io.triggermesh.aws.auth.credentials.CredentialsHandle;
import io.triggermesh.aws.auth.env.AdapterEnvPlan;
import io.triggermesh.aws.auth.env.AdapterEnvironment;
import io.triggermesh.aws.auth.env.EnvVar;
import io.triggermesh.aws.auth.iam.IamPolicy;
import io.triggermesh.aws.auth.model.AwsAuth;
import io.triggermesh.aws.auth.model.Credentials;
import io.triggermesh.aws.auth.model.Iam;
import io.triggermesh.aws.auth.model.OwnerObject;
import io.triggermesh.aws.auth.model.ValueSource;
import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.AdapterWorkload;
import io.triggermesh.aws.spi.ConnectorKind;
import io.triggermesh.aws.spi.ConnectorPlugin;
import io.triggermesh.aws.spi.KindDescriptor;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard authentication matrix, run against an AWS emulator. For each way {@code spec.auth} can be written,
 * the kit calls the plugin's own hooks for the sample object ({@code validate}, {@code adapter},
 * {@code permissionValues}, {@code adapterPermissions}) and checks the shared rules on what they return: the
 * sample is valid, the workload sets no variable the controller owns (credentials, other {@code AWS_*}, the
 * common ones), and the adapter policy the plugin declares is one AWS accepts. It then builds the adapter's whole
 * environment as the controller does (the plugin's workload env, auth-core's credentials, Secret references
 * resolved as the kubelet would, what the EKS webhook injects for IRSA), gives the identity under test exactly the
 * plugin's adapter policy, and asks which identity AWS saw.
 *
 * <p>Name your subclass {@code *IT}. Override {@link #callerArnSeenByAdapter} when your adapter builds its AWS
 * clients in its own way; the default uses auth-core's adapter chain, which adapter-runtime's clients use.
 */
@ExtendWith(AwsEmulatorExtension.class)
public abstract class AuthMatrixContract {

    private static final String NAMESPACE = "team-a";
    private static final String NAME = "matrix";

    @TempDir
    Path workDir;

    private AwsEmulator aws;
    private EmulatorIam iam;

    /** The plugin under test, constructed as the controller would (public no-arg constructor). */
    protected abstract ConnectorPlugin plugin();

    /** The kind of {@link #plugin()} whose adapter is under test. */
    protected abstract String kind();

    /** A valid spec of {@link #kind()} (its own fields: the controller owns auth, sink and adapterOverrides). */
    protected abstract Object sampleSpec();

    /** The plugin's status fields for the sample, as {@code ensureResources} would have published them. */
    protected Map<String, String> sampleStatus() {
        return Map.of();
    }

    /** The API version of {@link #kind()}, from the plugin's descriptor. */
    protected String apiVersion() {
        return kindUnderTest().descriptor().apiVersion();
    }

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
        EmulatorIam.User user = iam.createUser("matrix-user", adapterPolicy());
        Map<String, String> secrets = Map.of("aws/id", user.keys().accessKeyId(),
                "aws/secret", user.keys().secretAccessKey());
        aws.enableIamEnforcement();

        String arn = callerArnSeenByAdapter(env(AwsAuth.ofCredentials(Credentials.keys(
                ValueSource.fromSecret("aws", "id"), ValueSource.fromSecret("aws", "secret"))), secrets));

        assertThat(arn).isEqualTo(user.arn());
    }

    @Test
    void literalKeysReachTheAdapterThroughTheOwnedSecret() throws Exception {
        EmulatorIam.User user = iam.createUser("matrix-literal", adapterPolicy());
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
                adapterPolicy());
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
                adapterPolicy());
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
                adapterPolicy());

        String arn = callerArnSeenByAdapter(env(AwsAuth.ofIam(Iam.role(role)), Map.of()));

        assertThat(arn).startsWith("arn:aws:sts::" + EmulatorIam.ACCOUNT + ":assumed-role/matrix-irsa/");
    }

    /** The kind under test, found by name among the plugin's kinds. */
    final ConnectorKind<?> kindUnderTest() {
        List<ConnectorKind<?>> kinds = plugin().kinds();
        return kinds.stream().filter(k -> k.descriptor().kind().equals(kind())).findFirst()
                .orElseThrow(() -> new AssertionError("plugin " + plugin().name() + " has no kind " + kind()
                        + "; its kinds are " + kinds.stream().map(k -> k.descriptor().kind()).toList()));
    }

    /**
     * The workload the plugin returns for the sample, after the shared rules were checked on it: the sample is
     * valid and the workload follows {@link WorkloadRules}. The controller calls the hooks with the same object
     * whatever the credential mode, so a plugin that needs spec.auth (which it never sees) fails here.
     */
    final AdapterWorkload checkedWorkload() {
        return checkedWorkload(kindUnderTest());
    }

    private <S> AdapterWorkload checkedWorkload(ConnectorKind<S> kind) {
        ObjectContext<S> object = sample(kind);
        assertThat(kind.validate(object.spec())).as("%s: validate() of the sample spec", kind()).isEmpty();
        assertThat(ContractChecks.workloadProblems(kind, object)).as("%s adapter workload", kind()).isEmpty();
        return kind.adapter(object);
    }

    /** The adapter policy the plugin declares for the sample object, placeholders filled by permissionValues(). */
    final String adapterPolicy() {
        return adapterPolicy(kindUnderTest());
    }

    private <S> String adapterPolicy(ConnectorKind<S> kind) {
        ObjectContext<S> object = sample(kind);
        assertThat(ContractChecks.permissionProblems(kind, object)).as("%s permissions", kind()).isEmpty();
        return IamPolicy.from(kind.adapterPermissions(object), kind.permissionValues(object)).toJson();
    }

    private <S> ObjectContext<S> sample(ConnectorKind<S> kind) {
        KindDescriptor<S> d = kind.descriptor();
        return new ObjectContext<>(d.kind(), NAMESPACE, NAME, "uid-matrix", 1, d.specType().cast(sampleSpec()),
                sampleStatus());
    }

    private OwnerObject owner() {
        return new OwnerObject(apiVersion(), kind(), NAMESPACE, NAME, "uid-matrix");
    }

    /**
     * The adapter's environment as a pod would see it, in the controller's order: the common variables, the
     * plugin's workload env (checked), the credentials rendered by auth-core with Secret references resolved against
     * {@code secrets} ({@code name/key} to value) and the owned Secret, plus the EKS webhook's variables for IRSA.
     */
    private Map<String, String> env(AwsAuth auth, Map<String, String> secrets) throws IOException {
        AdapterEnvPlan plan = AdapterEnvironment.render(owner(), auth);
        Map<String, String> store = new HashMap<>(secrets);
        plan.ownedSecret().ifPresent(s -> s.data().forEach((k, v) -> store.put(s.name() + "/" + k, v)));
        Map<String, String> env = iam.adapterEnv(AdapterEnv.NAME, NAME, AdapterEnv.NAMESPACE, NAMESPACE);
        env.putAll(checkedWorkload().env());
        for (EnvVar var : plan.env()) {
            env.put(var.name(), var.isSecretRef()
                    ? store.get(var.secretRef().name() + "/" + var.secretRef().key()) : var.value());
        }
        if (auth.iam() != null && auth.iam().roleArn() != null) {
            Path token = workDir.resolve("token");
            Files.writeString(token, "header.payload.signature");
            env.put(AdapterEnv.AWS_ROLE_ARN, auth.iam().roleArn());
            env.put(AdapterEnv.AWS_WEB_IDENTITY_TOKEN_FILE, token.toString());
        }
        return env;
    }
}
