package io.triggermesh.aws.s3;

import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.s3.adapter.source.S3SourceAdapter;
import io.triggermesh.aws.s3.api.AwsS3SourceSpec;
import io.triggermesh.aws.s3.api.S3SourceStatus;
import io.triggermesh.aws.spi.ObjectContext;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.EmptyQueue;
import io.triggermesh.aws.testkit.adapter.LoopbackSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One AWSS3Source end to end against the emulator: its resources made by the kind's hooks (as the controller would),
 * its adapter running in this JVM with the environment the controller would give it, and helpers to act on the
 * bucket and look at the queue.
 */
final class SourceScenario implements AutoCloseable {

    private final AwsEmulator emulator;
    private final EmulatorClients aws;
    private final AwsS3SourceKind kind = new AwsS3SourceKind(S3Fixtures.IMAGE);
    private ObjectContext<AwsS3SourceSpec> object;
    private AdapterRuntime adapter;

    SourceScenario(AwsEmulator emulator, EmulatorClients aws) {
        this.emulator = emulator;
        this.aws = aws;
    }

    /** Ensures the resources of a new source on {@code bucket} with the emulator's root identity. */
    SourceScenario create(String bucket, String... eventTypes) {
        ObjectContext<AwsS3SourceSpec> fresh = EmulatorClients.source(EmulatorClients.unique("e2e"),
                EmulatorClients.spec("arn:aws:s3:::" + bucket, eventTypes), Map.of());
        Map<String, String> status = kind.ensureResources(fresh, aws.rootAccess()).statusFields();
        object = new ObjectContext<>(fresh.kind(), fresh.namespace(), fresh.name(), fresh.uid(), 1, fresh.spec(),
                status);
        return this;
    }

    ObjectContext<AwsS3SourceSpec> object() {
        return object;
    }

    String queueArn() {
        return object.status().get(S3SourceStatus.QUEUE_ARN);
    }

    String queueUrl() {
        return aws.sqs().getQueueUrl(r -> r.queueName(queueArn().substring(queueArn().lastIndexOf(':') + 1)))
                .queueUrl();
    }

    /**
     * The adapter's environment as the controller renders it for this object (workload env plus the common
     * variables), with the emulator's root keys and {@code extra} on top.
     */
    Map<String, String> adapterEnv(LoopbackSink sink, String... extra) {
        Map<String, String> env = new HashMap<>(kind.adapter(object).env());
        env.put("NAME", object.name());
        env.put("NAMESPACE", object.namespace());
        env.put("K_SINK", sink.uri().toString());
        env.put("AWS_REGION", emulator.region());
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", emulator.rootCredentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", emulator.rootCredentials().secretAccessKey());
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /** Starts the adapter in this JVM. */
    SourceScenario start(Map<String, String> env) throws Exception {
        adapter = AdapterRuntime.start(env, new S3SourceAdapter());
        return this;
    }

    void stopAdapter() {
        if (adapter != null) {
            adapter.close();
            adapter = null;
        }
    }

    void cleanup() {
        kind.cleanupResources(object, aws.rootAccess());
    }

    void put(String bucket, String key) {
        aws.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
    }

    void putMultipart(String bucket, String key) {
        S3Client s3 = aws.s3();
        String upload = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(upload).partNumber(1),
                RequestBody.fromString("one part")).eTag();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
    }

    void delete(String bucket, String key) {
        aws.s3().deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** Sends a raw message to the source's queue, as something other than S3 might. */
    void sendRaw(String body) {
        aws.sqs().sendMessage(r -> r.queueUrl(queueUrl()).messageBody(body));
    }

    /** Messages in the queue, visible or being processed. */
    int messagesInQueue() {
        Map<String, String> attributes = aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
        return List.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).stream()
                .mapToInt(name -> Integer.parseInt(attributes.getOrDefault(name.toString(), "0"))).sum();
    }

    void awaitQueueEmpty(Duration atMost) {
        EmptyQueue.await(queueUrl(), this::messagesInQueue, atMost);
    }

    @Override
    public void close() {
        stopAdapter();
    }
}
