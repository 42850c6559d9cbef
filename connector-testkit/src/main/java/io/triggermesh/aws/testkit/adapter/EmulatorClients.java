package io.triggermesh.aws.testkit.adapter;

import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.spi.AwsAccess;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.EmptyQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SDK clients on the AWS emulator's root identity, for setting up and inspecting what the code under test did, and
 * adapter environments pointing at the emulator. Closes every client it built.
 */
public class EmulatorClients implements AutoCloseable {

    /** Static keys the adapter environments carry; the emulator accepts any while IAM enforcement is off. */
    public static final String TEST_ACCESS_KEY_ID = "AKIAEMULATEDTESTKEY1";
    public static final String TEST_SECRET_ACCESS_KEY = "emulated-test-secret-key";

    private final AwsEmulator aws;
    private final List<SdkClient> clients = new ArrayList<>();
    private SqsClient sqs;

    /** An SQS queue: its URL and ARN. */
    public record Queue(String url, String arn) {
    }

    public EmulatorClients(AwsEmulator aws) {
        this.aws = aws;
    }

    /** A name no other test uses, valid for buckets, queues and Kubernetes objects. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A free TCP port on this machine, for an adapter's {@code PORT}. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AwsEmulator emulator() {
        return aws;
    }

    /** The root identity as the controller hands it to {@code ensureResources}/{@code cleanupResources}. */
    public AwsAccess rootAccess() {
        return new AwsAccess(aws.rootCredentialsProvider(), aws.region(), aws.endpoint(), "emulator root");
    }

    /**
     * {@code builder} configured for the emulator (endpoint, root credentials, the URL-connection HTTP client) in
     * the emulator's region, built, and closed with this object. Set service options (S3's path style) first.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(B builder) {
        return client(builder, aws.region());
    }

    /** {@link #client(AwsClientBuilder)} in {@code region}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(B builder,
                                                                                                      String region) {
        C client = builder.region(Region.of(region)).endpointOverride(aws.endpoint())
                .credentialsProvider(aws.rootCredentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** One SQS client in the emulator's region. */
    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = client(SqsClient.builder());
        }
        return sqs;
    }

    /** A new queue named {@code prefix-<random>} ({@code .fifo} appended when the prefix ends in {@code -fifo}). */
    public Queue queue(String prefix, Map<QueueAttributeName, String> attributes) {
        String name = unique(prefix) + (prefix.endsWith("-fifo") ? ".fifo" : "");
        String url = sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    public Queue queue(String prefix) {
        return queue(prefix, Map.of());
    }

    /**
     * Messages visible or in flight. One read of zero can be false in the emulator while a message's visibility
     * timeout ends; wait for an empty queue with {@link #awaitEmpty}.
     */
    public int depth(Queue queue) {
        return sqs().getQueueAttributes(b -> b.queueUrl(queue.url()).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .mapToInt(Integer::parseInt).sum();
    }

    /** Returns once the queue is empty (see {@link EmptyQueue}); fails when {@code atMost} passes first. */
    public void awaitEmpty(Queue queue, Duration atMost) {
        EmptyQueue.await(queue.url(), () -> depth(queue), atMost);
    }

    /**
     * An adapter environment pointing at the emulator: region, endpoint, static test keys, {@code NAME} and
     * {@code NAMESPACE}, then {@code pairs} (name, value, ...); a null value removes the variable.
     */
    public Map<String, String> adapterEnv(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put(AdapterEnv.AWS_REGION, aws.region());
        env.put(AdapterEnv.AWS_ENDPOINT_URL, aws.endpoint().toString());
        env.put(AdapterEnv.AWS_ACCESS_KEY_ID, TEST_ACCESS_KEY_ID);
        env.put(AdapterEnv.AWS_SECRET_ACCESS_KEY, TEST_SECRET_ACCESS_KEY);
        env.put(AdapterEnv.NAME, "it");
        env.put(AdapterEnv.NAMESPACE, "adapters");
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs come as name, value, ...; got " + pairs.length + " strings");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(SdkClient::close);
            clients.clear();
        }
    }
}
