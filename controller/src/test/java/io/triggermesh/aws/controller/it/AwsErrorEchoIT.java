package io.triggermesh.aws.controller.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.triggermesh.aws.testing.EchoingAwsEndpoint;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AWS echoes the signed request in {@code SignatureDoesNotMatch} messages. The controller, pointed at an endpoint
 * that does so, reports the failure in status and Events without the object's key id or session token.
 */
class AwsErrorEchoIT extends ControllerScenario {

    // Neither has a credential shape: only the object's own values, known to the redactor, can mask them.
    private static final String KEY_ID = "ECHO-KEY-ID-CANARY-1";
    private static final String TOKEN = "EchoSessionTokenCanary0123456789abcdef";

    private EchoingAwsEndpoint echo;

    @Override
    ControllerHarness startController() {
        echo = EchoingAwsEndpoint.start();
        return ControllerHarness.start(cluster, echo.endpoint().toString(), controllerProperties());
    }

    @AfterEach
    void stopEcho() {
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void anAwsErrorEchoingTheRequestReachesStatusAndEventsWithoutTheObjectsCredentials() {
        queueSource("echoed", "{credentials: {accessKeyID: {value: " + KEY_ID + "}, secretAccessKey: {value:"
                + " echo-secret-canary}, sessionToken: {value: " + TOKEN + "}}}");

        Map<String, Object> status = awaitCondition(SOURCES, QUEUE_SOURCE, "echoed", "ResourcesReady", "False",
                "AccessDenied");
        Event warning = awaitWarning("echoed", "AccessDenied");

        String resourcesMessage = String.valueOf(condition(status, "ResourcesReady").get("message"));
        assertThat(resourcesMessage).as("the echo is there, masked").contains("signature we calculated",
                "x-amz-security-token:***", "(access key ***, session token ***)");
        String everything = Serialization.asJson(status) + events("echoed").stream().map(Event::getMessage)
                .collect(Collectors.joining("\n"));
        assertThat(everything).doesNotContain(KEY_ID, TOKEN, "echo-secret-canary");
        assertThat(warning.getMessage()).doesNotContain(KEY_ID, TOKEN).contains("***");
    }

    @Test
    void aCleanupFailureQuotingTheCredentialsIsAbandonedWithAWarningThatDoesNotQuoteThem() {
        String name = QueueTestPlugin.FAILING_CLEANUP_PREFIX + "-echo";
        queueSource(name, "{credentials: {accessKeyID: {value: " + KEY_ID + "}, secretAccessKey: {value:"
                + " echo-secret-canary}, sessionToken: {value: " + TOKEN + "}}}");
        awaitCondition(SOURCES, QUEUE_SOURCE, name, "ResourcesReady", "False", "AccessDenied");

        delete(SOURCES, QUEUE_SOURCE, name);

        assertThat(awaitWarning(name, "CleanupAbandoned").getMessage()).contains("(signed by ***, token ***)")
                .doesNotContain(KEY_ID, TOKEN);
    }
}
