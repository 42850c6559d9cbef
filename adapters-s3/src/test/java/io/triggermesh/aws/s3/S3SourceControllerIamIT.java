package io.triggermesh.aws.s3;

import static io.triggermesh.aws.s3.EmulatorClients.source;
import static io.triggermesh.aws.s3.EmulatorClients.spec;
import static io.triggermesh.aws.s3.EmulatorClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.resources.QueueNames;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.IamPermission;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testing.EmulatorIam;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The controller statements AWSS3Source declares are enough and each one is needed: an IAM user holding exactly the
 * policy the plugin generates for an object runs create, re-sync and delete; without any one action the flow fails
 * with AccessDenied naming that action. Runs with moto's IAM enforcement, with the adaptations in
 * {@link MotoPolicies}.
 */
@ExtendWith(AwsEmulatorExtension.class)
class S3SourceControllerIamIT {

    /**
     * moto does not authorise the tag-on-create part of CreateQueue (AWS requires sqs:TagQueue for CreateQueue with
     * tags), so removing it cannot fail there. It stays in the declared policy (S3PermissionsTest) for AWS.
     */
    private static final Set<String> NOT_CHECKED_BY_MOTO = Set.of("sqs:TagQueue");

    private final AwsS3SourceKind kind = new AwsS3SourceKind(S3Fixtures.IMAGE);
    private AwsEmulator emulator;
    private EmulatorClients aws;
    private EmulatorIam iam;

    @BeforeEach
    void setUp(AwsEmulator emulator) {
        emulator.assumeMoto();
        this.emulator = emulator;
        this.aws = new EmulatorClients(emulator);
        this.iam = new EmulatorIam(emulator);
    }

    @AfterEach
    void tearDown() {
        emulator.disableIamEnforcement();
        iam.close();
        aws.close();
    }

    /** A source on a new bucket whose ARN carries the account but not the region (so GetBucketLocation is used). */
    private ObjectContext<AwsS3SourceSpec> newSource() {
        String bucket = unique("iam-bucket");
        aws.createBucket(bucket, "us-east-1");
        return source(unique("iam"), spec("arn:aws:s3::" + AwsEmulator.DEFAULT_ACCOUNT + ":" + bucket,
                "s3:ObjectCreated:*"), Map.of());
    }

    private List<IamPermission> declared(ObjectContext<AwsS3SourceSpec> object) {
        Map<String, String> values = kind.permissionValues(object);
        return kind.controllerPermissions(object).stream().map(p -> p.resolve(values)).toList();
    }

    /** Create, re-sync, delete: every call the controller makes for an AWSS3Source with a managed queue. */
    private void runFlow(ObjectContext<AwsS3SourceSpec> object, List<IamPermission> granted) {
        EmulatorIam.User user = iam.createUser(unique("controller"), MotoPolicies.forMoto(granted));
        AwsAccess access = new AwsAccess(StaticCredentialsProvider.create(user.keys()), emulator.region(),
                emulator.endpoint(), "test user " + user.arn());
        emulator.enableIamEnforcement();
        try {
            Map<String, String> status = kind.ensureResources(object, access).statusFields();
            ObjectContext<AwsS3SourceSpec> ensured = new ObjectContext<>(object.kind(), object.namespace(),
                    object.name(), object.uid(), 1, object.spec(), status);
            kind.ensureResources(ensured, access);
            kind.cleanupResources(ensured, access);
        } finally {
            emulator.disableIamEnforcement();
        }
    }

    @Test
    void exactlyTheDeclaredControllerPolicyRunsTheWholeFlow() {
        ObjectContext<AwsS3SourceSpec> object = newSource();

        runFlow(object, declared(object));

        assertThat(aws.sqs().listQueues(r -> r.queueNamePrefix(QueueNames.forSource("team-a", object.name())))
                .queueUrls()).as("the flow ran to its end: the queue was deleted").isEmpty();
    }

    @Test
    void withoutAnyOneDeclaredActionTheFlowFailsNamingIt() {
        List<String> actions = MotoPolicies.actions(declared(newSource()));
        assertThat(actions).contains("s3:GetBucketLocation", "sqs:CreateQueue", "sqs:DeleteQueue");

        for (String action : actions) {
            if (NOT_CHECKED_BY_MOTO.contains(action)) {
                continue;
            }
            ObjectContext<AwsS3SourceSpec> object = newSource();
            AwsResourceException e = catchThrowableOfType(AwsResourceException.class,
                    () -> runFlow(object, MotoPolicies.without(declared(object), action)));

            assertThat(e).as("flow without " + action).isNotNull();
            assertThat(e.kind()).as(action).isEqualTo(AwsResourceException.Kind.ACCESS_DENIED);
            assertThat(e.missingAction()).as(action).hasValue(action);
            assertThat(e.getMessage()).contains(action);
        }
    }

    @Test
    void aUserSuppliedQueueNeedsOnlyTheBucketStatement() {
        String userQueue = unique("byo-iam");
        String url = aws.sqs().createQueue(r -> r.queueName(userQueue)).queueUrl();
        String queueArn = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        String bucket = unique("iam-bucket");
        aws.createBucket(bucket, "us-east-1");
        ObjectContext<AwsS3SourceSpec> object = source(unique("byo"), EmulatorClients.specWithQueue(
                "arn:aws:s3:::" + bucket, queueArn, "s3:ObjectCreated:*"), Map.of());

        assertThat(MotoPolicies.actions(declared(object))).allMatch(a -> a.startsWith("s3:"));
        runFlow(object, declared(object));

        assertThat(aws.sqs().getQueueUrl(r -> r.queueName(userQueue)).queueUrl()).isEqualTo(url);
    }
}
