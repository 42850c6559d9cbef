## Alike in shape to the bundled target adapters (SqsTargetAdapter, S3TargetAdapter) on purpose: this template is
## where a third party's adapter starts, so it writes out the same runtime calls. Velocity drops these lines.
package ${package}.adapter;

import ${package}.TargetKind;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.AdapterConfig;
import io.triggermesh.aws.adapter.AdapterContext;
import io.triggermesh.aws.adapter.KindAdapter;
import io.triggermesh.aws.adapter.http.CloudEventReceiver;
import io.triggermesh.aws.adapter.http.TargetReply;
import io.triggermesh.aws.spi.api.Arn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * The ${kind} adapter. adapter-runtime's launcher starts it when the object's kind is ${kind} (registered in
 * META-INF/services/io.triggermesh.aws.adapter.KindAdapter); it receives CloudEvents over HTTP on PORT and publishes
 * each one's data to the topic named by ARN, answering with the MessageId.
 */
public final class TargetAdapter implements KindAdapter {

    @Override
    public String kind() {
        return TargetKind.KIND;
    }

    @Override
    public AutoCloseable start(AdapterContext context) throws Exception {
        AdapterConfig config = context.config();
        Arn topic = config.arn("SNS topic");
        // Built by the runtime: the object's credentials, the endpoint override, the runtime's HTTP client.
        SnsClient sns = context.aws().client(SnsClient.builder(), "sns", Region.of(topic.region()));
        return CloudEventReceiver.builder(event -> publish(sns, topic, event))
                .host(config.bindAddress())
                .port(config.port(TargetKind.HTTP_PORT))
                .health(() -> context.aws().credentialsProblem())
                .start();
    }

    /** Publishes one event's data; AWS failures become answers the sender can act on (retry or not). */
    static TargetReply publish(SnsClient sns, Arn topic, CloudEvent event) {
        if (event.getData() == null || event.getData().toBytes().length == 0) {
            return TargetReply.failure(400, "EmptyEvent", "the event has no data to publish");
        }
        String message = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        try {
            String id = sns.publish(b -> b.topicArn(topic.toString()).message(message)).messageId();
            return TargetReply.result(CloudEventBuilder.v1()
                    .withId(id)
                    .withType(TargetKind.RESULT_EVENT_TYPE)
                    .withSource(URI.create(topic.toString()))
                    .withData("application/json", ("{\"MessageId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))
                    .build());
        } catch (SnsException e) {
            int status = e.isThrottlingException() ? 429 : e.statusCode() >= 500 ? 502 : e.statusCode() == 403 ? 403 : 400;
            String code = e.awsErrorDetails() == null ? "SnsError" : e.awsErrorDetails().errorCode();
            return TargetReply.failure(status, code, "sns:Publish failed: " + e.getMessage());
        } catch (SdkClientException e) {
            return TargetReply.failure(502, "SnsUnreachable", "sns:Publish failed: " + e.getMessage());
        }
    }
}
