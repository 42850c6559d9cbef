package io.triggermesh.aws.e2e.suite;

import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.EmulatorIam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The AWS side of the scenarios, in the emulator. Each scenario gets its own account: an IAM user's keys or a
 * role's credentials act in the account they belong to, and SQS keeps every account's queues apart, so a message
 * that reaches a scenario's queue (or a queue the controller created there) proves which identity did it.
 */
final class Aws implements AutoCloseable {

    private static final AtomicLong ACCOUNTS = new AtomicLong(200_000_000_000L);

    final AwsEmulator emulator;
    final EmulatorIam iam;
    private final Map<String, SqsClient> sqsClients = new ConcurrentHashMap<>();
    private final Map<String, S3Client> s3Clients = new ConcurrentHashMap<>();

    Aws(AwsEmulator emulator) {
        this.emulator = emulator;
        this.iam = new EmulatorIam(emulator);
    }

    /** A fresh 12-digit account id. */
    static String newAccount() {
        return Long.toString(ACCOUNTS.incrementAndGet());
    }

    EmulatorIam.User user(String account, String name) {
        return iam.createUser(account, name, EmulatorIam.allow("*", "*"));
    }

    /** A role in {@code account} that web identities (IRSA) may assume, allowed everything. */
    String webIdentityRole(String account, String name) {
        return iam.createRole(account, name, EmulatorIam.trustWebIdentity(), EmulatorIam.allow("*", "*"));
    }

    /** A role in {@code account} that {@code principal} may assume, allowed everything. */
    String role(String account, String name, String principal) {
        return iam.createRole(account, name, EmulatorIam.trust(principal), EmulatorIam.allow("*", "*"));
    }

    /** Temporary credentials (with a session token) of {@code role}, as IAM Roles Anywhere would hand out. */
    Credentials temporary(String role, String session) {
        return iam.sts(iam.root()).assumeRole(b -> b.roleArn(role).roleSessionName(session)).credentials();
    }

    /** An SQS client acting in {@code account} (one per account, closed with this object). */
    SqsClient sqs(String account) {
        return sqsClients.computeIfAbsent(account, a -> SqsClient.builder().endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region())).credentialsProvider(emulator.rootCredentialsProvider())
                .overrideConfiguration(o -> o.putHeader(AwsEmulator.MOTO_ACCOUNT_HEADER, a)).build());
    }

    /** An S3 client acting in {@code account} (one per account, closed with this object). */
    S3Client s3(String account) {
        return s3Clients.computeIfAbsent(account, a -> S3Client.builder().endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region())).forcePathStyle(true)
                .credentialsProvider(emulator.rootCredentialsProvider())
                .overrideConfiguration(o -> o.putHeader(AwsEmulator.MOTO_ACCOUNT_HEADER, a)).build());
    }

    /** Creates a queue in {@code account}; returns its ARN. */
    String queue(String account, String name) {
        sqs(account).createQueue(b -> b.queueName(name));
        return "arn:aws:sqs:" + emulator.region() + ":" + account + ":" + name;
    }

    String queueUrl(String account, String name) {
        return sqs(account).getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    /** Queue names in {@code account} starting with {@code prefix}. */
    List<String> queues(String account, String prefix) {
        return sqs(account).listQueues(b -> b.queueNamePrefix(prefix)).queueUrls().stream()
                .map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
    }

    /** Receives (and deletes) what is in the queue now. */
    List<Message> drain(String account, String name) {
        SqsClient sqs = sqs(account);
        String url = queueUrl(account, name);
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(software.amazon.awssdk.services.sqs.model
                            .MessageSystemAttributeName.ALL)).messages();
            all.addAll(batch);
            for (Message m : batch) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return all;
    }

    int depth(String account, String name) {
        var attributes = sqs(account).getQueueAttributes(b -> b.queueUrl(queueUrl(account, name)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    void bucket(String account, String name) {
        s3(account).createBucket(b -> b.bucket(name));
    }

    void put(String account, String bucket, String key) {
        s3(account).putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("e2e " + key));
    }

    String object(String account, String bucket, String key) {
        return s3(account).getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    @Override
    public void close() {
        sqsClients.values().forEach(SdkClient::close);
        s3Clients.values().forEach(SdkClient::close);
        iam.close();
    }
}
