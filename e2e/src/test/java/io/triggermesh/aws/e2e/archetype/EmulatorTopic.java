package io.triggermesh.aws.e2e.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.EmulatorIam;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An SNS topic in its own emulator account, a queue subscribed to it (raw delivery) to see what was published, and an
 * IAM user of that account allowed to publish to it, whose keys the connector object uses.
 */
final class EmulatorTopic implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String arn;
    final EmulatorIam.User publisher;
    private final EmulatorIam iam;
    private final SnsClient sns;
    private final SqsClient sqs;
    private final String queueUrl;

    EmulatorTopic(AwsEmulator emulator, String account, String name) {
        this.iam = new EmulatorIam(emulator);
        this.sns = SnsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(emulator.region()))
                .credentialsProvider(emulator.rootCredentialsProvider())
                .overrideConfiguration(o -> o.putHeader(AwsEmulator.MOTO_ACCOUNT_HEADER, account)).build();
        this.sqs = SqsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(emulator.region()))
                .credentialsProvider(emulator.rootCredentialsProvider())
                .overrideConfiguration(o -> o.putHeader(AwsEmulator.MOTO_ACCOUNT_HEADER, account)).build();
        this.arn = sns.createTopic(b -> b.name(name)).topicArn();
        this.queueUrl = sqs.createQueue(b -> b.queueName(name + "-copy")).queueUrl();
        sns.subscribe(b -> b.topicArn(arn).protocol("sqs").attributes(Map.of("RawMessageDelivery", "true"))
                .endpoint("arn:aws:sqs:" + emulator.region() + ":" + account + ":" + name + "-copy"));
        this.publisher = iam.createUser(account, name + "-publisher", EmulatorIam.allow("sns:Publish", arn));
    }

    /** Checks that the target adapter at {@code url} is UP, posts a CloudEvent to it and sees it published. */
    void assertAdapterPublishes(String url) throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("UP");

        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/"))
                .timeout(Duration.ofSeconds(20))
                .header("ce-specversion", "1.0").header("ce-id", "order-1")
                .header("ce-type", "com.example.order").header("ce-source", "shop")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("ce-type")).hasValue("io.triggermesh.sns.publish.result");
        await("the event on the queue subscribed to the topic").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1))
                        .messages()).extracting(Message::body).containsExactly("{\"order\":1}"));
    }

    /** An {@code AWSSNSTarget} named {@code name} publishing to this topic with the publisher's keys. */
    String manifest(String name) {
        return """
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSNSTarget
                metadata:
                  name: %s
                spec:
                  arn: %s
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: %s-keys, key: id}}
                      secretAccessKey: {valueFromSecret: {name: %s-keys, key: secret}}
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s-keys
                stringData:
                  id: %s
                  secret: %s
                """.formatted(name, arn, name, name, name, publisher.keys().accessKeyId(),
                publisher.keys().secretAccessKey());
    }

    @Override
    public void close() {
        sns.close();
        sqs.close();
        iam.close();
    }
}
