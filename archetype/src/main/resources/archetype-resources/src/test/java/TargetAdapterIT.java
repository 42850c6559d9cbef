package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ${package}.adapter.TargetAdapter;
import io.triggermesh.aws.adapter.AdapterRuntime;
import io.triggermesh.aws.spi.AdapterEnv;
import io.triggermesh.aws.testing.AwsEmulator;
import io.triggermesh.aws.testing.AwsEmulatorExtension;
import io.triggermesh.aws.testkit.adapter.EmulatorClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The adapter publishes a received CloudEvent to the topic: checked through a queue subscribed to it. */
@ExtendWith(AwsEmulatorExtension.class)
class TargetAdapterIT {

    private final EmulatorClients aws;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AdapterRuntime adapter;

    TargetAdapterIT(AwsEmulator emulator) {
        this.aws = new EmulatorClients(emulator);
    }

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        aws.close();
    }

    @Test
    void aReceivedEventIsPublishedToTheTopic() throws Exception {
        SnsClient sns = aws.client(SnsClient.builder());
        String topic = sns.createTopic(b -> b.name(EmulatorClients.unique("orders"))).topicArn();
        EmulatorClients.Queue queue = aws.queue("orders-copy");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue.arn())
                .attributes(Map.of("RawMessageDelivery", "true")));
        int port = EmulatorClients.freePort();
        adapter = AdapterRuntime.start(aws.adapterEnv(AdapterEnv.ARN, topic, AdapterEnv.PORT, Integer.toString(port),
                AdapterEnv.BIND_ADDRESS, "127.0.0.1"), new TargetAdapter());

        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(20))
                .header("ce-specversion", "1.0").header("ce-id", "order-1").header("ce-type", "com.example.order")
                .header("ce-source", "shop").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\":1}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("ce-type")).hasValue(TargetKind.RESULT_EVENT_TYPE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queue.url()).waitTimeSeconds(1))
                    .messages();
            assertThat(messages).extracting(Message::body).containsExactly("{\"order\":1}");
        });
    }
}
