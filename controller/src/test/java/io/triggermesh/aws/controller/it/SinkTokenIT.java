package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A sink URI carrying a token in its query: the adapter gets it whole, status and Events never show it. */
class SinkTokenIT extends ControllerScenario {

    private static final String SINK = "https://hooks.example.com/in?token=SinkTokenCanary42&team=a";

    @Test
    void theSinkQueryStaysOutOfStatusAndEventsButReachesTheAdapter() {
        apply("""
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSQueueTestSource
                metadata: {name: tokened, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:123456789012:ignored
                  sink: {uri: "%s"}
                  auth: {credentials: {accessKeyID: {value: AKIDSINK}, secretAccessKey: {value: sink-secret}}}
                """.formatted(SINK));

        Map<String, Object> status = awaitCondition(SOURCES, QUEUE_SOURCE, "tokened", "SinkProvided", "True",
                "SinkResolved");
        EnvVar kSink = awaitDeployment("awsqueuetestsource-tokened").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream().filter(e -> e.getName().equals("K_SINK")).findFirst()
                .orElseThrow();

        assertThat(kSink.getValue()).isEqualTo(SINK);
        assertThat(status.get("sinkUri")).isEqualTo("https://hooks.example.com/in?***");
        assertThat(condition(status, "SinkProvided").get("message"))
                .isEqualTo("events go to https://hooks.example.com/in?***");
        String everything = Serialization.asJson(status(SOURCES, QUEUE_SOURCE, "tokened"))
                + events("tokened").stream().map(Event::getMessage).collect(Collectors.joining("\n"));
        assertThat(everything).doesNotContain("SinkTokenCanary42");
    }
}
