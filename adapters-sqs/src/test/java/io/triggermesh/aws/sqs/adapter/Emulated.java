package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.testing.AwsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues in the emulator, and adapter environments pointing at it. */
final class Emulated implements AutoCloseable {

    final AwsEmulator emulator;
    final SqsClient admin;

    /** A queue: its URL and ARN. */
    record Queue(String url, String arn) {
    }

    Emulated(AwsEmulator emulator) {
        this.emulator = emulator;
        this.admin = SqsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(emulator.region()))
                .credentialsProvider(emulator.rootCredentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    Queue queue(String prefix, Map<QueueAttributeName, String> attributes) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8)
                + (prefix.endsWith("-fifo") ? ".fifo" : "");
        String url = admin.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = admin.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    Queue queue(String prefix) {
        return queue(prefix, Map.of());
    }

    /** Messages visible or in flight. */
    int depth(Queue queue) {
        return admin.getQueueAttributes(b -> b.queueUrl(queue.url()).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .mapToInt(Integer::parseInt).sum();
    }

    /** The common adapter environment: region, endpoint, object name and static test keys. */
    Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", emulator.region());
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIAEMULATEDTESTKEY1");
        env.put("AWS_SECRET_ACCESS_KEY", "emulated-test-secret-key");
        env.put("NAME", "it");
        env.put("NAMESPACE", "adapters");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
