package io.triggermesh.aws.s3;

import static io.triggermesh.aws.s3.EmulatorClients.source;
import static io.triggermesh.aws.s3.EmulatorClients.spec;
import static io.triggermesh.aws.s3.EmulatorClients.specWithQueue;
import static io.triggermesh.aws.s3.EmulatorClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.resources.QueueNames;
import io.triggermesh.aws.s3.resources.SourceOwner;
import io.triggermesh.aws.spi.AwsResourceException;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The AWSS3Source resource hooks against moto: queue, policy, notification entry, and their cleanup. */
@ExtendWith(AwsEmulatorExtension.class)
class S3SourceResourcesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = AwsEmulator.DEFAULT_ACCOUNT;

    private final AwsS3SourceKind kind = new AwsS3SourceKind(S3Fixtures.IMAGE);
    private EmulatorClients aws;
    private String bucket;

    @BeforeEach
    void setUp(AwsEmulator emulator) {
        aws = new EmulatorClients(emulator);
        bucket = unique("src-bucket");
        aws.createBucket(bucket, "us-east-1");
    }

    @AfterEach
    void closeClients() {
        aws.close();
    }

    private ObjectContext<AwsS3SourceSpec> ensured(ObjectContext<AwsS3SourceSpec> object) {
        Map<String, String> status = kind.ensureResources(object, aws.rootAccess()).statusFields();
        return new ObjectContext<>(object.kind(), object.namespace(), object.name(), object.uid(), object.generation(),
                object.spec(), status);
    }

    private String queueUrl(String name) {
        return aws.sqs().getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    private GetBucketNotificationConfigurationResponse notifications(String bucketName) {
        return aws.s3().getBucketNotificationConfiguration(r -> r.bucket(bucketName));
    }

    private List<Message> drain(String url) {
        return aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }

    @Test
    void ensureCreatesTheSourcesOwnTaggedQueueWithPolicyAndOneNotificationEntry() throws Exception {
        String name = unique("uploads");
        ObjectContext<AwsS3SourceSpec> object = ensured(source(name,
                spec("arn:aws:s3:us-east-1:" + ACCOUNT + ":" + bucket, "s3:ObjectCreated:*"), Map.of()));

        String queueName = QueueNames.forSource("team-a", name);
        String queueArn = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + queueName;
        assertThat(object.status()).containsExactlyInAnyOrderEntriesOf(Map.of("queueARN", queueArn,
                "bucketARN", "arn:aws:s3:us-east-1:" + ACCOUNT + ":" + bucket));

        String url = queueUrl(queueName);
        assertThat(aws.sqs().listQueueTags(r -> r.queueUrl(url)).tags()).containsExactlyInAnyOrderEntriesOf(Map.of(
                SourceOwner.OWNER_TAG, "AWSS3Source/team-a/" + name, SourceOwner.OWNER_UID_TAG, "uid-" + name));
        Map<String, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertThat(Integer.parseInt(attributes.get("MaximumMessageSize"))).isGreaterThanOrEqualTo(262_144);
        JsonNode statement = JSON.readTree(attributes.get("Policy")).get("Statement").get(0);
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
        assertThat(statement.path("Resource").asText()).isEqualTo(queueArn);
        assertThat(statement.path("Condition").path("ArnEquals").path("aws:SourceArn").asText())
                .isEqualTo("arn:aws:s3:::" + bucket);
        assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                .isEqualTo(ACCOUNT);

        assertThat(notifications(bucket).queueConfigurations()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("triggermesh-s3_team-a_" + name + "_uid-" + name);
            assertThat(q.queueArn()).isEqualTo(queueArn);
            assertThat(q.eventsAsStrings()).containsExactly("s3:ObjectCreated:*");
        });
        assertThat(kind.adapter(object).env()).containsEntry("QUEUE_ARN", queueArn);
    }

    @Test
    void aSecondEnsureWritesNothing() {
        String name = unique("idem");
        ObjectContext<AwsS3SourceSpec> object = source(name, spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"),
                Map.of());
        ObjectContext<AwsS3SourceSpec> first = ensured(object);
        String url = queueUrl(QueueNames.forSource("team-a", name));
        // S3 sends a test event each time a configuration is written: exactly one so far.
        assertThat(drain(url)).extracting(Message::body).singleElement().asString().contains("s3:TestEvent");

        ObjectContext<AwsS3SourceSpec> second = ensured(first);

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(drain(url)).as("no second configuration write").isEmpty();
        assertThat(notifications(bucket).queueConfigurations()).hasSize(1);
    }

    @Test
    void theQueueIsCreatedInTheBucketsRegionFoundWithGetBucketLocation() {
        String euBucket = unique("eu-bucket");
        aws.createBucket(euBucket, "eu-west-1");
        String name = unique("eu");

        ObjectContext<AwsS3SourceSpec> object = ensured(source(name,
                spec("arn:aws:s3:::" + euBucket, "s3:ObjectCreated:*"), Map.of()));

        String queueArn = object.status().get("queueARN");
        assertThat(queueArn).startsWith("arn:aws:sqs:eu-west-1:");
        assertThat(aws.sqs("eu-west-1").getQueueUrl(r -> r.queueName(QueueNames.forSource("team-a", name)))
                .queueUrl()).isNotBlank();
        assertThat(aws.s3("eu-west-1").getBucketNotificationConfiguration(r -> r.bucket(euBucket))
                .queueConfigurations()).extracting(QueueConfiguration::queueArn).containsExactly(queueArn);

        kind.cleanupResources(object, aws.rootAccess());
        assertThat(aws.sqs("eu-west-1").listQueues(r -> r.queueNamePrefix(QueueNames.forSource("team-a", name)))
                .queueUrls()).isEmpty();
    }

    @Test
    void otherConfigurationsOfTheBucketSurviveEnsureAndCleanup() {
        SqsClient sqs = aws.sqs();
        String theirUrl = sqs.createQueue(r -> r.queueName(unique("theirs"))).queueUrl();
        String theirArn = sqs.getQueueAttributes(r -> r.queueUrl(theirUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        QueueConfiguration theirs = QueueConfiguration.builder().id("their-config").queueArn(theirArn)
                .eventsWithStrings("s3:ObjectRemoved:*").build();
        aws.s3().putBucketNotificationConfiguration(r -> r.bucket(bucket)
                .notificationConfiguration(n -> n.queueConfigurations(theirs)));
        ObjectContext<AwsS3SourceSpec> object = ensured(source(unique("mine"),
                spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:Put"), Map.of()));

        assertThat(notifications(bucket).queueConfigurations()).hasSize(2).contains(theirs);

        kind.cleanupResources(object, aws.rootAccess());

        assertThat(notifications(bucket).queueConfigurations()).containsExactly(theirs);
        assertThat(sqs.getQueueUrl(r -> r.queueName(theirUrl.substring(theirUrl.lastIndexOf('/') + 1))).queueUrl())
                .isEqualTo(theirUrl);
    }

    @Test
    void twoSourcesOnOneBucketGetTheirOwnQueuesAndCleanupRemovesOnlyItsOwn() {
        String bucketArn = "arn:aws:s3:::" + bucket;
        ObjectContext<AwsS3SourceSpec> created = ensured(source(unique("created"),
                spec(bucketArn, "s3:ObjectCreated:*"), Map.of()));
        ObjectContext<AwsS3SourceSpec> removed = ensured(source(unique("removed"),
                spec(bucketArn, "s3:ObjectRemoved:*"), Map.of()));
        assertThat(created.status().get("queueARN")).isNotEqualTo(removed.status().get("queueARN"));
        assertThat(notifications(bucket).queueConfigurations()).hasSize(2);

        kind.cleanupResources(created, aws.rootAccess());

        assertThat(notifications(bucket).queueConfigurations()).extracting(QueueConfiguration::queueArn)
                .containsExactly(removed.status().get("queueARN"));
        assertThat(catchThrowableOfType(QueueDoesNotExistException.class,
                () -> queueUrl(QueueNames.forSource("team-a", created.name())))).isNotNull();
        assertThat(queueUrl(QueueNames.forSource("team-a", removed.name()))).isNotBlank();
    }

    @Test
    void aUserSuppliedQueueIsNeverCreatedChangedOrDeleted() {
        String userQueue = unique("user-queue");
        String url = aws.sqs().createQueue(r -> r.queueName(userQueue).tags(Map.of("team", "a"))
                .attributesWithStrings(Map.of("MaximumMessageSize", "1024"))).queueUrl();
        Map<String, String> before = aws.sqs().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        String queueArn = before.get("QueueArn");
        ObjectContext<AwsS3SourceSpec> object = source(unique("byo"),
                specWithQueue("arn:aws:s3:::" + bucket, queueArn, "s3:ObjectCreated:*"), Map.of());

        ObjectContext<AwsS3SourceSpec> ensured = ensured(object);

        assertThat(ensured.status()).containsEntry("queueARN", queueArn);
        assertThat(notifications(bucket).queueConfigurations()).extracting(QueueConfiguration::queueArn)
                .containsExactly(queueArn);
        assertThat(aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings()).as("attributes unchanged, no policy added")
                .containsAllEntriesOf(Map.of("MaximumMessageSize", "1024")).doesNotContainKey("Policy");
        assertThat(aws.sqs().listQueueTags(r -> r.queueUrl(url)).tags()).containsExactlyEntriesOf(Map.of("team", "a"));
        assertThat(aws.sqs().listQueues(r -> r.queueNamePrefix(QueueNames.forSource("team-a", object.name())))
                .queueUrls()).as("no managed queue").isEmpty();

        kind.cleanupResources(ensured, aws.rootAccess());

        assertThat(notifications(bucket).queueConfigurations()).isEmpty();
        assertThat(queueUrl(userQueue)).isEqualTo(url);
    }

    /** The object after its spec changed to {@code spec}, with the status the last ensure published. */
    private static ObjectContext<AwsS3SourceSpec> changed(ObjectContext<AwsS3SourceSpec> before,
                                                          AwsS3SourceSpec spec) {
        return new ObjectContext<>(before.kind(), before.namespace(), before.name(), before.uid(),
                before.generation() + 1, spec, before.status());
    }

    @Test
    void switchingToAUserQueueDeletesTheSourcesOwnQueue() {
        String name = unique("to-user-queue");
        ObjectContext<AwsS3SourceSpec> managed = ensured(source(name, spec("arn:aws:s3:::" + bucket,
                "s3:ObjectCreated:*"), Map.of()));
        String userQueueUrl = aws.sqs().createQueue(r -> r.queueName(unique("users"))).queueUrl();
        String userQueueArn = aws.sqs().getQueueAttributes(r -> r.queueUrl(userQueueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributesAsStrings().get("QueueArn");

        ObjectContext<AwsS3SourceSpec> switched = ensured(changed(managed,
                specWithQueue("arn:aws:s3:::" + bucket, userQueueArn, "s3:ObjectCreated:*")));

        assertThat(switched.status()).containsEntry("queueARN", userQueueArn);
        assertThat(notifications(bucket).queueConfigurations()).extracting(QueueConfiguration::queueArn)
                .containsExactly(userQueueArn);
        assertThat(aws.sqs().listQueues(r -> r.queueNamePrefix(QueueNames.forSource("team-a", name))).queueUrls())
                .as("the source's own queue is released").isEmpty();
        assertThat(queueUrl(userQueueArn.substring(userQueueArn.lastIndexOf(':') + 1))).isEqualTo(userQueueUrl);
    }

    @Test
    void switchingBucketsMovesTheNotificationEntryAndKeepsOtherEntries() {
        String name = unique("mover");
        String otherBucket = unique("other-bucket");
        aws.createBucket(otherBucket, "us-east-1");
        ObjectContext<AwsS3SourceSpec> first = ensured(source(name, spec("arn:aws:s3:::" + bucket,
                "s3:ObjectCreated:*"), Map.of()));
        ObjectContext<AwsS3SourceSpec> neighbour = ensured(source(unique("neighbour"),
                spec("arn:aws:s3:::" + bucket, "s3:ObjectRemoved:*"), Map.of()));

        ObjectContext<AwsS3SourceSpec> moved = ensured(changed(first, spec("arn:aws:s3:::" + otherBucket,
                "s3:ObjectCreated:*")));

        String ownQueueArn = first.status().get("queueARN");
        assertThat(moved.status()).containsEntry("queueARN", ownQueueArn)
                .containsEntry("bucketARN", "arn:aws:s3:::" + otherBucket);
        assertThat(notifications(otherBucket).queueConfigurations()).extracting(QueueConfiguration::queueArn)
                .containsExactly(ownQueueArn);
        assertThat(notifications(bucket).queueConfigurations()).extracting(QueueConfiguration::queueArn)
                .as("only the neighbour's entry stays on the old bucket")
                .containsExactly(neighbour.status().get("queueARN"));

        kind.cleanupResources(moved, aws.rootAccess());

        assertThat(notifications(otherBucket).queueConfigurations()).isEmpty();
        assertThat(aws.sqs().listQueues(r -> r.queueNamePrefix(QueueNames.forSource("team-a", name))).queueUrls())
                .isEmpty();
    }

    @Test
    void aQueueOwnedByAnotherObjectIsNeitherUsedNorDeleted() {
        String name = unique("clash");
        String queueName = QueueNames.forSource("team-a", name);
        String url = aws.sqs().createQueue(r -> r.queueName(queueName)
                .tags(Map.of(SourceOwner.OWNER_UID_TAG, "uid-of-an-object-in-another-cluster"))).queueUrl();
        ObjectContext<AwsS3SourceSpec> object = source(name, spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"),
                Map.of());

        AwsResourceException e = catchThrowableOfType(AwsResourceException.class,
                () -> kind.ensureResources(object, aws.rootAccess()));
        assertThat(e.kind()).isEqualTo(AwsResourceException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains(queueName, "was not created for AWSS3Source/team-a/" + name);
        assertThat(notifications(bucket).queueConfigurations()).isEmpty();

        kind.cleanupResources(object, aws.rootAccess());
        assertThat(queueUrl(queueName)).isEqualTo(url);
    }

    @Test
    void aMissingBucketIsPermanentAndCreatesNoQueue() {
        for (String arn : List.of("arn:aws:s3:::" + unique("no-such"), "arn:aws:s3:us-east-1::" + unique("no-such"))) {
            String name = unique("nobucket");
            AwsResourceException e = catchThrowableOfType(AwsResourceException.class,
                    () -> kind.ensureResources(source(name, spec(arn, "s3:ObjectCreated:*"), Map.of()),
                            aws.rootAccess()));

            assertThat(e.kind()).as(arn).isEqualTo(AwsResourceException.Kind.PERMANENT);
            assertThat(e.getMessage()).contains("does not exist");
            assertThat(aws.sqs().listQueues(r -> r.queueNamePrefix(QueueNames.forSource("team-a", name)))
                    .queueUrls()).isEmpty();
        }
    }

    private List<String> managedQueues(String name) {
        return aws.sqs().listQueues(r -> r.queueNamePrefix(QueueNames.forSource("team-a", name))).queueUrls();
    }

    @Test
    void cleanupRemovesTheEntryWhenTheQueueIsAlreadyGoneAndARetriedCleanupSucceeds() {
        String name = unique("gone");
        ObjectContext<AwsS3SourceSpec> object = ensured(source(name,
                spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"), Map.of()));
        aws.sqs().deleteQueue(r -> r.queueUrl(queueUrl(QueueNames.forSource("team-a", name))));

        assertThatCode(() -> kind.cleanupResources(object, aws.rootAccess())).doesNotThrowAnyException();
        assertThat(notifications(bucket).queueConfigurations()).as("entry removed despite the missing queue")
                .isEmpty();

        // A finalizer retried after a cleanup that succeeded finds nothing left, and still succeeds.
        assertThatCode(() -> kind.cleanupResources(object, aws.rootAccess())).doesNotThrowAnyException();
        assertThat(managedQueues(name)).isEmpty();
        assertThat(notifications(bucket).queueConfigurations()).isEmpty();
    }

    @Test
    void cleanupDeletesTheQueueWhenTheBucketIsAlreadyGone() {
        String name = unique("no-bucket");
        ObjectContext<AwsS3SourceSpec> object = ensured(source(name,
                spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"), Map.of()));
        aws.s3().deleteBucket(r -> r.bucket(bucket));

        assertThatCode(() -> kind.cleanupResources(object, aws.rootAccess())).doesNotThrowAnyException();
        assertThat(managedQueues(name)).as("the queue is not leaked when its bucket went first").isEmpty();
    }

    @Test
    void cleanupOfASourceNeverEnsuredLeavesOthersAlone() {
        String neighbour = unique("neighbour");
        ObjectContext<AwsS3SourceSpec> ensuredNeighbour = ensured(source(neighbour,
                spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"), Map.of()));
        String name = unique("never-ensured");

        assertThatCode(() -> kind.cleanupResources(source(name, spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"),
                Map.of()), aws.rootAccess())).doesNotThrowAnyException();

        assertThat(managedQueues(name)).isEmpty();
        assertThat(notifications(bucket).queueConfigurations()).extracting(QueueConfiguration::queueArn)
                .containsExactly(ensuredNeighbour.status().get("queueARN"));
        assertThat(managedQueues(neighbour)).hasSize(1);
    }

    @Test
    void aDriftedQueuePolicyIsRepaired() throws Exception {
        ObjectContext<AwsS3SourceSpec> object = ensured(source(unique("drift"),
                spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"), Map.of()));
        String url = queueUrl(QueueNames.forSource("team-a", object.name()));
        aws.sqs().setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", "",
                "MaximumMessageSize", "1024")));

        ensured(object);

        Map<String, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertThat(attributes.get("MaximumMessageSize")).isEqualTo("262144");
        assertThat(JSON.readTree(attributes.get("Policy")).path("Statement").get(0).path("Condition")
                .path("ArnEquals").path("aws:SourceArn").asText()).isEqualTo("arn:aws:s3:::" + bucket);
    }

    @Test
    void changedEventTypesRewriteOnlyTheSourcesEntry() {
        ObjectContext<AwsS3SourceSpec> object = ensured(source(unique("change"),
                spec("arn:aws:s3:::" + bucket, "s3:ObjectCreated:*"), Map.of()));

        ensured(new ObjectContext<>(object.kind(), object.namespace(), object.name(), object.uid(), 2,
                spec("arn:aws:s3:::" + bucket, "s3:ObjectRemoved:*", "s3:ObjectCreated:Copy"), object.status()));

        assertThat(notifications(bucket).queueConfigurations()).singleElement()
                .satisfies(q -> assertThat(q.eventsAsStrings())
                        .containsExactlyInAnyOrder("s3:ObjectRemoved:*", "s3:ObjectCreated:Copy"));
    }
}
